def leaky():
    yield 1
    raise StopIteration("leak")

try:
    print(list(leaky()))
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__))

def next_in_generator():
    it = iter([])
    yield next(it)
try:
    list(next_in_generator())
except RuntimeError as e:
    print(type(e).__name__, e)

def subclass():
    class MyStop(StopIteration):
        pass
    yield 1
    raise MyStop
try:
    list(subclass())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

def fine():
    yield 1
    return
print(list(fine()))

def stop_async():
    raise StopAsyncIteration
    yield
try:
    list(stop_async())
except (RuntimeError, StopAsyncIteration) as e:
    print("a sync generator lets StopAsyncIteration through:", type(e).__name__)
