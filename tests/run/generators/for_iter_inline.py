"""`for` over a generator runs the generator's frame in the same loop
(FOR_ITER_GEN): values, exhaustion, PEP 479, exception context and state,
re-entry, frames, break with finally, nesting, tracebacks, the recursion
limit, gi_running."""
import sys
def g(n):
    for i in range(n):
        yield i
    return 99

print([x for x in g(3)])
for x in g(2): print("x", x)

def bad():
    yield 1
    raise StopIteration("boom")
try:
    for x in bad(): print("b", x)
except RuntimeError as e:
    print("RT", e, type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)

def raiser():
    yield 1
    raise ValueError("v")
try:
    raise KeyError("outer")
except KeyError:
    try:
        for x in raiser(): print("r", x)
    except ValueError as e:
        print("ctx", repr(e.__context__))

def handled():
    try:
        raise TypeError("inner")
    except TypeError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__

try:
    raise KeyError("k")
except KeyError:
    for v in handled():
        print("h", v, sys.exc_info()[0].__name__)
print(sys.exc_info())

def selfref():
    yield next(it)
it = selfref()
try:
    for v in it: pass
except ValueError as e:
    print("VE", e)

def gen_frames():
    f = sys._getframe()
    yield f.f_back.f_code.co_name
    yield f.f_lineno
def caller():
    return list(v for v in gen_frames()), [v for v in gen_frames()]
print(caller())
def loop_frames():
    out = []
    for v in gen_frames(): out.append(v)
    return out
print(loop_frames())

# break out of a loop; generator suspended then closed
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally")
for v in fin():
    print("fin", v)
    break
print("after break")

# nested generators in loops
def outer():
    for a in g(3):
        for b in g(2):
            yield a * 10 + b
print(list(outer()), sum(x for x in outer()))
for v in outer():
    pass
print(v)

# traceback through a generator in a for loop
import traceback
def tb():
    yield 1
    1/0
def run():
    for x in tb():
        pass
try:
    run()
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)

# recursion limit
def deep(n):
    if n == 0:
        yield 0
        return
    for x in deep(n - 1):
        yield x + 1
print(list(deep(50)))
try:
    for x in deep(5000): pass
except RecursionError as e:
    print("RecursionError", e)

# gi_running inside loop
def running():
    yield gr.gi_running
gr = running()
for v in gr: print("running", v, gr.gi_running)
# exhausted generator re-iterated
e = g(1)
for v in e: pass
for v in e: print("never")
print("exhausted ok")
# generator raising in first step, return value ignored
def ret():
    return 5
    yield
for v in ret(): print(v)
print(list(ret()))
