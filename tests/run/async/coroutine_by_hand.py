async def add(a, b):
    return a + b

c = add(2, 3)
print(type(c).__name__, c.__name__, c.__qualname__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)

class Suspend:
    def __await__(self):
        value = yield "suspended"
        return f"resumed with {value}"

async def waiter():
    print("before await")
    r = await Suspend()
    print("after await:", r)
    r2 = await Suspend()
    return r + " / " + r2

w = waiter()
print(w.send(None))
print(w.send("first"))
try:
    w.send("second")
except StopIteration as e:
    print("final", e.value)

async def nested():
    return await add(1, 1) * 10
n = nested()
try:
    n.send(None)
except StopIteration as e:
    print(e.value)
