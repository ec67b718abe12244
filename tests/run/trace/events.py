# sys.settrace events: calls, lines, loops, returns, exceptions, generators,
# with/try/finally, and what the frame shows.
import sys

log = []

def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    if event == 'exception':
        arg = (arg[0].__name__, str(arg[1]))
    elif event in ('return',):
        arg = repr(arg) if not isinstance(arg, CM) else 'CM'
    log.append((event, frame.f_code.co_name, frame.f_lineno - tracer_base, arg))
    return tracer

tracer_base = sys._getframe().f_lineno

def simple(x):
    y = x + 1
    return y * 2

def loop(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        else:
            total -= 1
    while n > 0:
        n -= 1
    return total

def raises():
    raise ValueError("bad")

def catches():
    try:
        raises()
    except ValueError as e:
        r = str(e)
    finally:
        r += "!"
    return r

def uncaught():
    x = 1
    raises()

def gen(n):
    for i in range(n):
        yield i
    return "done"

def delegate():
    r = yield from gen(2)
    return r

class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return True

def with_block():
    with CM() as c:
        x = 1
        raise KeyError("k")
    return 2

def comprehension():
    return [i * i for i in range(2)]

def run(name, f, *args):
    del log[:]
    sys.settrace(tracer)
    try:
        f(*args)
    except Exception as e:
        pass
    sys.settrace(None)
    print(name)
    for entry in log:
        print("  ", entry)

run("simple", simple, 3)
run("loop", loop, 3)
run("catches", catches)
run("uncaught", uncaught)
run("gen", lambda: list(gen(2)))
run("delegate", lambda: list(delegate()))
run("with", with_block)
run("comprehension", comprehension)

def gen_manual():
    g = gen(3)
    next(g)
    next(g)
    g.close()
run("gen close", gen_manual)

def gen_throw():
    g = gen(3)
    next(g)
    try:
        g.throw(RuntimeError("thrown"))
    except RuntimeError:
        pass
run("gen throw", gen_throw)

# gettrace, and a tracer that returns None for a frame: no line events
def counting(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        log.append((event, frame.f_code.co_name))
    return None
del log[:]
sys.settrace(counting)
print(sys.gettrace() is counting)
simple(1)
loop(2)
sys.settrace(None)
print(sys.gettrace())
print(log)

# An error in the tracer: tracing stops, the error propagates
def bad(frame, event, arg):
    if event == 'line':
        raise ZeroDivisionError("in tracer")
    return bad
sys.settrace(bad)
try:
    simple(1)
except ZeroDivisionError as e:
    print("caught", e)
print(sys.gettrace())

# f_trace set on a running frame, then settrace: line events start here
def local(frame, event, arg):
    print("local", event, frame.f_lineno - tracer_base)
    return local
def here():
    sys._getframe().f_trace = local
    sys.settrace(lambda *a: None)
    a = 1
    b = 2
    sys.settrace(None)
    c = 3
here()
