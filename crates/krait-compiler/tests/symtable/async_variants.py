async def f():
    async with a as b:
        pass
    async for c in d:
        pass
    return (x async for x in e)
async def g():
    return [x for x in y if await x]
async def h():
    yield [y async for y in z]
async def k():
    return [[w async for w in v] async for v in u]
