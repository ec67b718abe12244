def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("->", result)
        return result
    return wrapper

@trace
def add(a, b=0):
    return a + b

add(1, 2)
add(5, b=6)
print(add.__name__, add.__qualname__)

def order(tag):
    def deco(fn):
        print("applying", tag)
        def w():
            return tag + "(" + fn() + ")"
        return w
    print("made", tag)
    return deco

@order("a")
@order("b")
def base():
    return "x"
print(base())

registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn

@register
def one(): pass
@register
def two(): pass
print(registry, one.__name__)
