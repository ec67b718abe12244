import contextlib

@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    except ValueError as e:
        print("handled inside generator:", e)
    finally:
        print(f"</{name}>")

with tag("p") as n:
    print("inside", n)
with tag("div"):
    raise ValueError("oops")
print("continued")
try:
    with tag("span"):
        raise KeyError("not handled")
except KeyError as e:
    print("outside:", repr(e))

with contextlib.suppress(ZeroDivisionError, KeyError):
    {}["x"]
print("suppressed")

with contextlib.ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "callback", i)
    print("stack body")

@contextlib.contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)

@contextlib.contextmanager
def two_yields():
    yield 1
    yield 2
try:
    with two_yields():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)
with contextlib.nullcontext("value") as v:
    print(v)
