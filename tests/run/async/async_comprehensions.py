class Tick:
    def __await__(self):
        yield "tick"
        return None

async def agen(n):
    for i in range(n):
        await Tick()
        yield i

async def double(x):
    await Tick()
    return x * 2

async def main():
    squares = [x * x async for x in agen(4)]
    doubled = [await double(x) for x in range(3)]
    mapping = {x: await double(x) async for x in agen(3) if x}
    gen = (x async for x in agen(3))
    collected = [v async for v in gen]
    nested = [[y async for y in agen(x)] async for x in agen(3)]
    return squares, doubled, mapping, collected, nested

coro = main()
ticks = 0
try:
    while True:
        assert coro.send(None) == "tick"
        ticks += 1
except StopIteration as e:
    print(e.value)
print("ticks", ticks)
