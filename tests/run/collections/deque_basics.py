# deque: construction, the methods at both ends, maxlen, rotation, indexing.
from collections import deque

d = deque()
print(d, len(d), bool(d), d.maxlen)
d = deque("abc")
print(d, d[0], d[-1], d[1], len(d), bool(d))
d = deque(range(10), maxlen=4)
print(d, d.maxlen)
d = deque(iterable=[1, 2], maxlen=None)
print(d, d.maxlen)

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.extend(d)
print(d, len(d))
d.extendleft(iter(d))
print(d)

# maxlen drops from the other end.
b = deque(maxlen=3)
for i in range(6):
    b.append(i)
    print(list(b), end=" ")
print()
for i in range(3):
    b.appendleft(-i)
print(b)
b.extend(range(10, 15))
print(b)
b.extendleft("xyz")
print(b)
z = deque([1, 2], maxlen=0)
z.append(1)
z.extend(range(5))
print(z, len(z))

# rotate in both directions, by more than the length.
r = deque(range(7))
for n in (1, -1, 3, -10, 14, 0, 100):
    r.rotate(n)
    print(n, list(r))
r.rotate()
print(r)
one = deque([9])
one.rotate(5)
print(one)

# insert, remove, reverse, count, index.
d = deque([1, 2, 3, 2, 1])
d.insert(0, "a")
d.insert(100, "z")
d.insert(-100, "first")
d.insert(-1, "before-last")
d.insert(3, "mid")
print(d)
d.remove(2)
print(d, d.count(1), d.count(2), d.count(99))
d.reverse()
print(d)
print(d.index(1), d.index(1, 3), d.index("a", -4), d.index(3, 0, 100))
d[0] = "zero"
d[-1] = "last"
del d[1]
del d[-2]
print(d, d[2], d[-3])
for i in range(-len(d), len(d)):
    assert d[i] == list(d)[i]
print(deque(range(100))[50], deque(range(100))[-50])
d.clear()
print(d, len(d))
