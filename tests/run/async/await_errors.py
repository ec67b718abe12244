async def f():
    return await 5
try:
    f().send(None)
except TypeError as e:
    print(type(e).__name__, e)

class BadAwait:
    def __await__(self):
        return 5
async def g():
    await BadAwait()
try:
    g().send(None)
except TypeError as e:
    print(type(e).__name__, e)

async def h():
    raise ValueError("inside coroutine")
try:
    h().send(None)
except ValueError as e:
    print(type(e).__name__, e)

async def k():
    pass
co = k()
try:
    next(co)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(co)
except TypeError as e:
    print(type(e).__name__, e)
co.close()

async def twice():
    c = k()
    await c
    await c
try:
    twice().send(None)
except RuntimeError as e:
    print(type(e).__name__, e)

class GenAwait:
    def __await__(self):
        yield from []
        return "from generator __await__"
async def uses():
    return await GenAwait()
try:
    uses().send(None)
except StopIteration as e:
    print(e.value)
