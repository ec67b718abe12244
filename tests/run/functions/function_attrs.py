def outer():
    def inner(a, b=1):
        "inner's doc"
        return a
    return inner

f = outer()
print(f.__name__)
print(f.__qualname__)
print(f.__doc__)
print(f.__module__)
print(f.__defaults__)
print(f.__code__.co_name, f.__code__.co_varnames, f.__code__.co_argcount)
f.custom = 5
print(f.custom, f.__dict__)
f.__name__ = "renamed"
print(f.__name__, f.__qualname__)
try:
    f.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)

def nodoc():
    pass
print(nodoc.__doc__)
print(type(nodoc).__name__)
print(callable(nodoc), callable(5))
print(nodoc.__globals__ is globals())
try:
    nodoc.missing
except AttributeError as e:
    print(type(e).__name__, e)
