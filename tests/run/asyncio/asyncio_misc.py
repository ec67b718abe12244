# Event loop corners: exceptions out of asyncio.run, run_until_complete,
# loop.time, call_at ordering, timeouts with asyncio.timeout, task
# exceptions and callbacks, contextvars in tasks.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="unset")

async def read_var(tag):
    await asyncio.sleep(0)
    return tag, var.get()

async def main():
    var.set("main")
    t = asyncio.create_task(read_var("task"))
    var.set("changed after")
    print(await t, var.get())
    loop = asyncio.get_running_loop()
    order = []
    now = loop.time()
    loop.call_at(now + 0.02, order.append, 2)
    loop.call_at(now + 0.01, order.append, 1)
    loop.call_soon(order.append, 0)
    await asyncio.sleep(0.03)
    print(order)
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("asyncio.timeout expired")
    async def fails():
        raise KeyError("k")
    task = asyncio.create_task(fails())
    done = []
    task.add_done_callback(lambda t: done.append(type(t.exception()).__name__))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(done, task.done())
    try:
        task.result()
    except KeyError as e:
        print("result raised", repr(e))
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(read_var("tg-a"))
        b = tg.create_task(read_var("tg-b"))
    print(a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails())
            tg.create_task(asyncio.sleep(1))
    except* KeyError as eg:
        print("TaskGroup:", repr(eg.exceptions[0]))

asyncio.run(main())

async def bad():
    raise RuntimeError("from the coroutine")
try:
    asyncio.run(bad())
except RuntimeError as e:
    print("asyncio.run raised", e)

loop = asyncio.new_event_loop()
try:
    print(loop.run_until_complete(read_var("loop")))
    print(loop.is_running(), loop.is_closed())
finally:
    loop.close()
print(loop.is_closed())
try:
    asyncio.run(1)
except ValueError as e:
    print(e)
