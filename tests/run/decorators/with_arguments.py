def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        return wrapper
    return deco

@repeat(3)
def greet(name):
    return "hi " + name
print(greet("bob"))

# Any expression is allowed since 3.9.
decos = {"upper": lambda f: lambda: f().upper()}
@decos["upper"]
def word():
    return "quiet"
print(word())

@(lambda f: f() * 2)
def value():
    return 21
print(value)

class Box:
    def __init__(self):
        self.items = []
    def add(self, fn):
        self.items.append(fn)
        return fn
box = Box()
@box.add
def in_box():
    return 1
print(len(box.items), in_box())

def returns_none(fn):
    return None
@returns_none
def gone():
    pass
print(gone)
