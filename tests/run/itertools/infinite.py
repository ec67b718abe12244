# count, cycle and repeat: values, steps of every numeric kind, reprs
# (CPython's fast mode and its edge at sys.maxsize), laziness, and errors.
import itertools as it
import sys
from itertools import count, cycle, repeat

def take(n, iterable):
    return list(it.islice(iterable, n))

class Half:
    """A number of halves, with + and a repr (no fractions module needed)."""
    def __init__(self, n):
        self.n = n
    def __float__(self):
        return self.n / 2
    def __add__(self, other):
        return Half(self.n + (other.n if isinstance(other, Half) else 2 * other))
    def __radd__(self, other):
        return Half(2 * other + self.n)
    def __eq__(self, other):
        return isinstance(other, Half) and self.n == other.n
    def __repr__(self):
        return f"Half({self.n})"

print(take(5, count()), take(3, count(10)), take(3, count(10, 5)), take(3, count(5, -2)))
print(take(3, count(0.5)), take(3, count(1, 0.25)), take(3, count(1, 0)))
print(take(3, count(start=3, step=2)), take(2, count(step=-1)))
print(take(3, count(Half(1), Half(1))), take(2, count(1, Half(1))))
print(take(2, count(2**70)), take(2, count(-2**70, 2**64)))
for c in [count(), count(5), count(-3), count(1, 2), count(1.5), count(1, 1.0), count(True),
          count(True, 2), count(0, True), count(2**70), count(Half(1)), count(3, -1),
          count(sys.maxsize), count(sys.maxsize - 1), count(1, 2**64)]:
    print(repr(c), end=" ")
    first = next(c)
    print(repr(first), type(first).__name__, repr(c))
c = count(sys.maxsize - 1)
print(next(c), repr(c), next(c), repr(c), next(c), repr(c))
c = count(1j)
print(repr(c), next(c), next(c), repr(c))
c = count(0, 0.5j)
print(repr(c), next(c), next(c), repr(c))
c = count(-2**70, 1.0)
print(repr(c), next(c), repr(c))

class Num:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
    def __add__(self, other):
        return Num(self.v + (other.v if isinstance(other, Num) else other))
    def __repr__(self):
        return f"Num({self.v})"
c = count(Num(1), Num(2))
print(repr(c), next(c), next(c), repr(c))
print(type(count()) is count, type(count).__name__, count.__module__, count.__qualname__, repr(count))
print(iter(c) is c, isinstance(c, count))

print(take(7, cycle("abc")), take(4, cycle([1])), list(cycle([])), list(cycle("")))
seen = []
def gen():
    for x in "xy":
        seen.append(x)
        yield x
cy = cycle(gen())
print(take(6, cy), seen)
cy = cycle(iter([1, 2, 3]))
print(next(cy), next(cy), take(5, cy))

print(list(repeat("a", 3)), list(repeat(None, 0)), list(repeat(1, -5)), take(3, repeat([])))
print(list(repeat(object="o", times=2)), list(repeat(7, times=1)))
r = repeat("a", 3)
print(repr(r), r.__length_hint__(), next(r), repr(r), r.__length_hint__())
print(repr(repeat(1.5)), repr(repeat([1, 2], -3)), repr(repeat("x", 0)))
r = repeat([])
r_elem = [r]
print(repr(repeat(r_elem, 2)))
lst = []
r = repeat(lst)
lst.append(r)
print(repr(r))
try:
    repeat(1).__length_hint__()
except TypeError as e:
    print("TypeError:", e)
a, b = next(repeat([])), next(repeat([]))
r = repeat([])
print(next(r) is next(r))
print(list(map(pow, range(5), repeat(2))))

for bad in ["count('a')", "count(1, 'a')", "count(start=None)", "count(1, 2, 3)", "count(x=1)",
            "count(1, start=2)", "count(a=1, b=2, c=3)", "count(step=1j if False else [])",
            "cycle()", "cycle(1)", "cycle([], [])", "cycle(iterable=[])",
            "repeat()", "repeat(1, 2, 3)", "repeat(1, 'a')", "repeat(1, 2.0)", "repeat(1, None)",
            "repeat(1, times=None)", "repeat(1, 2**70)", "repeat(1, x=2)", "repeat(times=2)",
            "repeat(1, times=2, object=3)", "repeat(1, 2).__length_hint__(1)"]:
    try:
        eval(bad)
        print(bad, "ok")
    except Exception as e:
        print(bad, type(e).__name__, e)
