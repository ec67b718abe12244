def gen(n):
    for i in range(n):
        x = yield i
        if x:
            print("got", x)
    return "done"

g = gen(3)
print(g.__name__, next(g), g.send("hi"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.args)
print(list(gen(4)), sum(x * x for x in range(5)))
def delegate():
    r = yield from gen(2)
    print("r", r)
    yield from [7, 8]
print(list(delegate()))
def catcher():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield 2
    finally:
        print("finally")
c = catcher()
print(next(c), c.throw(ValueError("x")))
c.close()
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
print(tuple(x for x in "abc"), dict((k, len(k)) for k in ["a", "bb"]))
g2 = gen(1)
g2.close()
print(list(g2))
def ign():
    try:
        yield 1
    except GeneratorExit:
        yield 2
i = ign(); next(i)
try:
    i.close()
except RuntimeError as e:
    print(e)
def outer():
    try:
        yield from catcher()
    except KeyError:
        print("outer caught")
o = outer()
print(next(o))
print(o.throw(ValueError("v")))
try:
    o.throw(KeyError("k"))
except StopIteration:
    print("stopped")
print(repr(gen(1))[:26])
