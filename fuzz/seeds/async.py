async def g():
    await x
    async for i in y:
        pass
    async with z as w:
        pass
