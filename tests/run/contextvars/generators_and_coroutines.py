# Context variables seen from generators, coroutines driven by hand and
# nested Context.run calls: one current context per thread (3.11 gives
# generators no context of their own).
import contextvars

request = contextvars.ContextVar("request", default="none")

def gen():
    yield request.get()
    request.set("set-in-generator")
    yield request.get()

g = gen()
print(next(g))
ctx = contextvars.copy_context()
print(ctx.run(next, g), request.get())
print(ctx[request], request in contextvars.copy_context())

async def handler(name):
    token = request.set(name)
    try:
        return f"{name}:{request.get()}"
    finally:
        request.reset(token)

def drive(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value

for name in ["a", "b"]:
    c = contextvars.copy_context()
    print(c.run(drive, handler(name)), c.get(request), request.get())

outer = contextvars.Context()
inner = contextvars.Context()
def nested():
    request.set("outer")
    def deeper():
        before = request.get()
        request.set("inner")
        return before, request.get()
    return inner.run(deeper), request.get()
print(outer.run(nested), outer[request], inner[request], request.get())

counter = contextvars.ContextVar("counter")
def bump():
    counter.set(counter.get(0) + 1)
    return counter.get()
shared = contextvars.copy_context()
print([shared.run(bump) for _ in range(4)], counter.get("unset"), len(shared), shared[counter])
