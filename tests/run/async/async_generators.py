async def ticker(n):
    try:
        for i in range(n):
            received = yield i
            if received:
                print("ticker received", received)
    finally:
        print("ticker finally")

def step(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
    raise AssertionError("suspended unexpectedly")

g = ticker(3)
print(type(g).__name__, g.__name__)
print(step(g.__anext__()))
print(step(g.asend("hello")))
print(step(g.__anext__()))
try:
    step(g.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration")

g2 = ticker(5)
step(g2.__anext__())
try:
    step(g2.athrow(ValueError("thrown")))
except ValueError as e:
    print("athrow propagated", repr(e))
g3 = ticker(5)
step(g3.__anext__())
print(step(g3.aclose()))

async def bad_agen():
    yield 1
    raise StopAsyncIteration
b = bad_agen()
step(b.__anext__())
try:
    step(b.__anext__())
except RuntimeError as e:
    print(type(e).__name__, e)
