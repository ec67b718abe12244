def g():
    yield 1
    return "value"

it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(repr(e), e.value, e.args)

def g2():
    return (1, 2)
    yield
try:
    next(g2())
except StopIteration as e:
    print(e.value, e.args)

def g3():
    return StopIteration("wrapped")
    yield
try:
    next(g3())
except StopIteration as e:
    print(repr(e.value))

def collect():
    a = yield from g()
    b = yield from g2()
    return [a, b]
c = collect()
print(list(c))
c = collect()
for _ in c:
    pass
def driver():
    r = yield from collect()
    yield r
print(list(driver()))
