import asyncio

async def compute(name, n):
    total = 0
    for i in range(n):
        total += i
        await asyncio.sleep(0)
    print("finished", name)
    return total

async def main():
    results = await asyncio.gather(compute("a", 3), compute("b", 1), compute("c", 2))
    print(results)
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0)
    except asyncio.TimeoutError:
        print("timed out")
    task = asyncio.create_task(compute("task", 2))
    print(await task)
    async def fails():
        raise KeyError("in task")
    try:
        await asyncio.gather(fails())
    except KeyError as e:
        print("gather raised", repr(e))
    return "main done"

print(asyncio.run(main()))
