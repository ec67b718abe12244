# deque comparisons, +, *, +=, *=, repr, copying, pickling's __reduce__.
from collections import deque
import copy

a, b = deque([1, 2, 3]), deque([1, 2, 4])
print(a == b, a != b, a < b, a <= b, a > b, a >= b)
print(deque([1, 2]) < deque([1, 2, 0]), deque() == deque(), deque([1]) == [1])
print(deque([1, 2]) >= deque([1, 2]), deque([2]) > deque([1, 9, 9]))
nan = float("nan")
n = deque([nan])
print(n == n, n == deque([nan]), n != deque([nan]))
class Loud:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("eq", self.v, o.v)
        return self.v == o.v
    def __lt__(self, o):
        print("lt", self.v, o.v)
        return self.v < o.v
print(deque([Loud(1), Loud(2)]) < deque([Loud(1), Loud(3)]))

print(a + b, a + deque(), deque([1], maxlen=2) + deque([2, 3]))
print(a * 2, 2 * a, a * 0, a * -3, deque([1, 2], 3) * 3, deque([1], 3) * 5)
c = deque([1, 2])
same = c
c += [3, 4]
c += c
print(c, c is same)
c *= 2
print(len(c), c is same)
c *= 0
print(c, c is same)
one = deque(["x"], maxlen=4)
one *= 10
print(one)

print(repr(deque()), repr(deque([1, "a", None])), repr(deque([1], maxlen=0)), str(deque([1.5], 2)))
r = deque([1])
r.append(r)
print(r)
outer = deque([[r]])
print(outer)
print(deque([deque([1]), deque([], 2)]))

src = deque([[1], [2]], maxlen=5)
for dup in (src.copy(), src.__copy__(), copy.copy(src), copy.deepcopy(src)):
    print(dup, dup.maxlen, dup == src, dup is src, dup[0] is src[0])
red = src.__reduce__()
print(red[0], red[1], red[2], list(red[3]))
print(deque([1]).__reduce__()[:3])
print(deque[int], deque[int].__origin__, deque.__class_getitem__(str))
print(deque.__module__, deque.__name__, deque.__qualname__, type(iter(deque())).__name__)
it = type(iter(deque()))(deque("abcd"), 2)
print(list(it), list(type(reversed(deque()))(deque("abcd"), 1)))
print(deque("abc").__sizeof__() > 0)
