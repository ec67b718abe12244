# Async generators left unfinished: the loop's finalizer hook closes
# them (aclose scheduled as a task), and shutdown_asyncgens at the end of
# asyncio.run closes those still alive.
import asyncio
import sys

async def ticker(name):
    try:
        for i in range(100):
            yield i
            await asyncio.sleep(0)
    finally:
        print("closed", name)

async def main():
    hooks = sys.get_asyncgen_hooks()
    print(hooks.firstiter is not None, hooks.finalizer is not None)
    agen = ticker("dropped")
    print(await agen.__anext__())
    del agen
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("after drop")
    kept = ticker("kept")
    print(await kept.__anext__(), await kept.asend(None))
    global keep
    keep = kept
    print(len(asyncio.get_running_loop()._asyncgens))
    return "main done"

print(asyncio.run(main()))
print(sys.get_asyncgen_hooks())
old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=print)
print(sys.get_asyncgen_hooks().firstiter is print)
sys.set_asyncgen_hooks(*old)
try:
    sys.set_asyncgen_hooks(finalizer=1)
except TypeError as e:
    print(e)
