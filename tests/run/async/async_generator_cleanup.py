import asyncio

async def resource(name):
    print("open", name)
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        print("close", name)

async def main():
    async for v in resource("r1"):
        if v == 2:
            break
    g = resource("r2")
    print(await g.__anext__(), await anext(g))
    await g.aclose()
    print(await anext(aiter(resource("r4"))))
    try:
        await anext(aiter([]))
    except TypeError as e:
        print(type(e).__name__, e)
    empty = resource("r5")
    await empty.aclose()
    print("closed before start")
    return "done"

print(asyncio.run(main()))
