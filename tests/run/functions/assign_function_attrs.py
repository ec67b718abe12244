# Assigning a function's own attributes, as functools.wraps does.
def wrapped(a, b=2):
    "the docstring"
    return a + b

def wrapper(*args, **kwargs):
    return wrapped(*args, **kwargs)

for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
    setattr(wrapper, attr, getattr(wrapped, attr))
wrapper.__dict__.update(wrapped.__dict__)
wrapper.__wrapped__ = wrapped
print(wrapper.__name__, wrapper.__qualname__, wrapper.__doc__, wrapper.__module__, wrapper(1), wrapper.__wrapped__ is wrapped)
print(repr(wrapper).startswith("<function wrapped at"))

wrapper.__doc__ = None
print(wrapper.__doc__)
del wrapper.__doc__
print(wrapper.__doc__)
wrapper.__module__ = "elsewhere"
print(wrapper.__module__)
wrapper.__annotations__ = {"a": int}
print(wrapper.__annotations__)
wrapper.__annotations__ = None
print(wrapper.__annotations__)
wrapper.__dict__ = {"tag": 1}
print(wrapper.tag, wrapper.__dict__)

for attr, value in [("__name__", 5), ("__qualname__", None), ("__annotations__", []), ("__dict__", 3),
                    ("__defaults__", 1), ("__kwdefaults__", (1,)), ("__code__", None)]:
    try:
        setattr(wrapper, attr, value)
    except TypeError as e:
        print("TypeError:", e)
for attr in ("__name__", "__qualname__"):
    try:
        delattr(wrapper, attr)
    except TypeError as e:
        print("TypeError:", e)
for attr in ("__globals__", "__closure__"):
    try:
        setattr(wrapper, attr, {})
    except AttributeError as e:
        print("AttributeError:", e)

def make_counter():
    count = 0
    def counter():
        nonlocal count
        count += 1
        return count
    return counter
c = make_counter()
c.__name__ = "renamed"
c.__qualname__ = "Outer.renamed"
print(c(), c(), c.__name__, c.__qualname__, repr(c).split(" at ")[0])
try:
    c.missing
except AttributeError as e:
    print("AttributeError:", e)
