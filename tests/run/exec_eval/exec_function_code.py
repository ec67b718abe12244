# exec/eval of a function's code object bind no arguments (so missing
# ones are a TypeError naming the code), and source text with lone
# surrogates fails to encode as CPython's compile does.

def report(thunk):
    try:
        print("ok", thunk())
    except Exception as e:
        print(type(e).__name__, e)

def f(a): return a
def star(*args, **kw):
    print("star", args, kw)
    return "done"
def kwonly(*, k): return k
def defaults(a=1, b=2):
    print("defaults", a, b)

report(lambda: exec(f.__code__, {}))
report(lambda: eval(f.__code__, {}))
report(lambda: exec(star.__code__, {}))
report(lambda: eval(star.__code__, {}))
report(lambda: exec(kwonly.__code__, {}))
report(lambda: exec(defaults.__code__, {}))

def outer():
    x = 1
    def g(a): return a + x
    def h(): return x + 41
    return g, h
g, h = outer()
report(lambda: exec(g.__code__, {}, closure=g.__closure__))
report(lambda: exec(h.__code__, {}, closure=h.__closure__))

report(lambda: compile('x = "\ud800"', '<s>', 'exec'))
report(lambda: exec('x = "\ud800"\nprint(len(x))'))
report(lambda: eval('"a\udc80b"'))
ns = {}
exec(compile('x = "\\ud800"', '<s>', 'exec'), ns)
print(ascii(ns['x']))
