# aclose(): reusing the awaitable, a generator that ignores GeneratorExit,
# closing one that is already closed, asend().close().
import types


@types.coroutine
def pause():
    yield "paused"


def drive(aw):
    try:
        while True:
            print("  yielded", aw.send(None))
    except StopIteration as e:
        print("  done", e.args)
    except BaseException as e:
        print("  ", type(e).__name__, e.args)


async def gen():
    try:
        yield 1
        yield 2
    finally:
        print("  cleanup")
        await pause()


a = gen()
drive(a.__anext__())
c = a.aclose()
drive(c)
drive(c)
drive(a.aclose())


async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
    print("  never")


s = stubborn()
drive(s.__anext__())
drive(s.aclose())
print("ag_running", s.ag_running)
drive(s.aclose())
drive(s.athrow(ValueError))

n = gen()
nx = n.__anext__()
print(nx.close())
drive(nx)
drive(n.__anext__())
drive(n.aclose())
