# asend/athrow/aclose awaitables: one-shot, ag_running while one drives the
# generator, "already running" refusals, values sent at the start.
import types


@types.coroutine
def pause():
    yield "paused"


def step(aw, v=None, meth="send"):
    try:
        r = getattr(aw, meth)(v) if meth != "close" else aw.close()
        print("  yielded", r)
    except BaseException as e:
        print("  ", type(e).__name__, e.args)


async def gen():
    v = yield 1
    print("  got", v)
    await pause()
    yield 2


a = gen()
print(type(a.asend(None)).__name__, type(a.aclose()).__name__)
n1 = a.__anext__()
step(n1)
n2 = a.__anext__()
step(n2, 10)
print("ag_running", a.ag_running, "ag_await", type(a.ag_await).__name__)
n3 = a.__anext__()
step(n3)
step(n3)
step(a.aclose())
step(a.athrow(ValueError))
step(n2)
print("ag_running", a.ag_running, "ag_await", a.ag_await)
step(n2)
step(a.__anext__())
step(a.aclose())
step(a.athrow(ValueError))

print("send non-None at the start")
b = gen()
step(b.asend(None))
step(b.aclose(), 5)
step(b.athrow(KeyError), 5)
step(b.asend(7))

print("athrow arguments checked when awaited")
c = gen()
x = c.athrow()
step(x)
step(c.athrow(ValueError, 1, None, 4))
d = gen()
step(d.asend(None))
t = d.athrow(ValueError)
step(t)
step(t)
print("ag_running", d.ag_running)

print("just-started async generator")
step(gen().__anext__(), 100)
