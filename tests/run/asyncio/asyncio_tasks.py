# Tasks: gather, create_task, sleep ordering, wait_for and timeouts,
# cancellation, shield, as_completed, wait.
import asyncio

async def worker(name, delay, log):
    await asyncio.sleep(delay)
    log.append(name)
    return name.upper()

async def forever():
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        print("forever cancelled")
        raise

async def main():
    log = []
    print(await asyncio.gather(worker("b", 0.02, log), worker("a", 0.01, log), worker("c", 0, log)))
    print(log)
    t = asyncio.create_task(worker("t", 0, log), name="my-task")
    print(t.get_name(), t.done())
    print(await t, t.done(), t.result())
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
    except asyncio.TimeoutError as e:
        print("wait_for timed out", type(e).__name__)
    print(await asyncio.wait_for(worker("w", 0, log), timeout=1))
    f = asyncio.create_task(forever())
    await asyncio.sleep(0)
    f.cancel()
    try:
        await f
    except asyncio.CancelledError:
        print("awaiting cancelled task:", f.cancelled())
    s = asyncio.create_task(worker("s", 0.01, log))
    print(await asyncio.shield(s))
    tasks = [asyncio.create_task(worker(n, d, log)) for n, d in [("x", 0.03), ("y", 0.01), ("z", 0.02)]]
    print([await c for c in asyncio.as_completed(tasks)])
    done, pending = await asyncio.wait([asyncio.create_task(worker("p", 0, log)), asyncio.create_task(forever())], timeout=0.02)
    print(len(done), len(pending))
    for p in pending:
        p.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    results = await asyncio.gather(worker("ok", 0, log), asyncio.sleep(0, "slept"), return_exceptions=True)
    print(results)
    async def boom():
        raise ValueError("boom")
    print(await asyncio.gather(boom(), worker("fine", 0, log), return_exceptions=True))
    print(asyncio.current_task().get_name() is not None, len(asyncio.all_tasks()))
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 42)
    print(await fut)
    loop.call_later(0.01, log.append, "later")
    await asyncio.sleep(0.02)
    print(log[-1])
    return "main done"

print(asyncio.run(main()))
