async def f():
    return [[x async for x in y] for z in w]
async def g():
    return {k: await v for k, v in items}
def h():
    return ((await x) for x in y)
