# The attributes of generators, coroutines and async generators are data
# descriptors of their types: dir() lists them, assigning a read-only one
# fails with CPython's message, __name__ and __qualname__ stay writable.
import types


def gen():
    yield 1


async def coro():
    pass


async def agen():
    yield 1


g = gen()
print([s for s in dir(g) if not s.startswith("_")])
for name in ("gi_running", "gi_frame", "gi_yieldfrom", "gi_suspended", "gi_code"):
    try:
        setattr(g, name, 42)
    except AttributeError as e:
        print(name, "AttributeError:", e)
g.__name__ = "renamed"
g.__qualname__ = "Q.renamed"
print(g.__name__, g.__qualname__, types.GeneratorType.__dict__["__name__"].__get__(g))
try:
    g.__name__ = 3
except TypeError as e:
    print("TypeError:", e)

c = coro()
print([s for s in dir(c) if not s.startswith("_")])
print(types.CoroutineType.__dict__["cr_running"].__get__(c), type(types.CoroutineType.__dict__["cr_code"]).__name__)
try:
    c.cr_running = 1
except AttributeError as e:
    print("AttributeError:", e)
c.close()

a = agen()
print(sorted(s for s in dir(a) if s.startswith("ag_") and s != "ag_await"))
print(type(types.AsyncGeneratorType.__dict__["ag_running"]).__name__, a.ag_running)
print(sorted(n for n, v in vars(types.GeneratorType).items() if type(v).__name__ in ("getset_descriptor", "member_descriptor")))
