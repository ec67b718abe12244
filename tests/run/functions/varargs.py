def f(*args):
    return args

print(f())
print(f(1))
print(f(1, 2, 3))
print(f(*[4, 5], *(6,), 7))
print(f(*"ab", *range(3)))
print(type(f(1)).__name__)

def g(a, b=0, *rest):
    return a, b, rest
print(g(1))
print(g(1, 2, 3, 4))

def total(*nums, start=0):
    for n in nums:
        start += n
    return start
print(total(1, 2, 3), total(1, 2, start=10))

try:
    f(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*None)
except TypeError as e:
    print(type(e).__name__, e)

def gen():
    yield 1
    yield 2
print(f(*gen()))
