# asyncio's synchronisation primitives and queues: Lock, Event,
# Condition, Semaphore, Queue, PriorityQueue, LifoQueue.
import asyncio

async def main():
    lock = asyncio.Lock()
    order = []
    async def critical(n):
        async with lock:
            order.append(("in", n))
            await asyncio.sleep(0)
            order.append(("out", n))
    await asyncio.gather(*(critical(i) for i in range(3)))
    print(order)
    print(lock.locked())

    ev = asyncio.Event()
    async def waiter(i):
        await ev.wait()
        return i
    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(ev.is_set(), [t.done() for t in tasks])
    ev.set()
    print(await asyncio.gather(*tasks))

    cond = asyncio.Condition()
    items = []
    async def consumer():
        async with cond:
            await cond.wait_for(lambda: items)
            return items.pop()
    c = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    async with cond:
        items.append("item")
        cond.notify()
    print(await c)

    sem = asyncio.Semaphore(2)
    active = []
    peak = []
    async def limited(i):
        async with sem:
            active.append(i)
            peak.append(len(active))
            await asyncio.sleep(0.001)
            active.remove(i)
    await asyncio.gather(*(limited(i) for i in range(5)))
    print(max(peak))

    q = asyncio.Queue(maxsize=2)
    async def producer():
        for i in range(5):
            await q.put(i)
        await q.put(None)
    async def consume():
        got = []
        while (item := await q.get()) is not None:
            got.append(item)
            q.task_done()
        q.task_done()
        return got
    _, got = await asyncio.gather(producer(), consume())
    print(got, q.empty(), q.qsize())
    await q.join()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    pq = asyncio.PriorityQueue()
    for x in [3, 1, 2]:
        pq.put_nowait(x)
    print([pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for x in "abc":
        await lq.put(x)
    print([await lq.get() for _ in range(3)])
    full = asyncio.Queue(1)
    full.put_nowait(1)
    try:
        full.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull")
    try:
        await asyncio.wait_for(full.put(3), 0.01)
    except asyncio.TimeoutError:
        print("put timed out")

asyncio.run(main())
