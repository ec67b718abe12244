async def fetch(x):
    return x


async def main(items):
    total = 0
    for i in items:
        total += await fetch(i)
    try:
        await fetch(None)
    finally:
        total += 1
    return total


async def agen(n):
    for i in range(n):
        yield i
        await fetch(i)


class Waiter:
    def __await__(self):
        yield 1
        return 2


async def uses_waiter():
    return await Waiter()


async def loops(src, cm):
    async for x in src:
        if x:
            break
        await fetch(x)
    else:
        pass
    async with cm as c, cm:
        await fetch(c)
    async with cm:
        return 1


async def comps(src):
    a = [x async for x in src]
    b = {x: y async for x in src if x for y in src}
    c = (x async for x in src)
    d = [await fetch(x) for x in range(3)]
    return a, b, c, d
