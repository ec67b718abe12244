# deque's errors: CPython's types and messages.
from collections import deque

d = deque([1, 2, 3])
full = deque([1], maxlen=1)
tests = [
    lambda: deque().pop(),
    lambda: deque().popleft(),
    lambda: d[3],
    lambda: d[-4],
    lambda: d[1:2],
    lambda: d["a"],
    lambda: d[1.0],
    lambda: d[2 ** 100],
    lambda: d.__setitem__(5, 0),
    lambda: d.__setitem__(slice(1, 2), 0),
    lambda: d.__delitem__(-9),
    lambda: d.index(9),
    lambda: d.index(1, "a"),
    lambda: d.index(1, None),
    lambda: d.index(),
    lambda: d.index(1, 2, 3, 4),
    lambda: d.remove(9),
    lambda: d.remove(),
    lambda: d.rotate("a"),
    lambda: d.rotate(2 ** 70),
    lambda: d.rotate(1, 2),
    lambda: d.rotate(n=1),
    lambda: d.insert("a", 1),
    lambda: d.insert(1),
    lambda: d.insert(2 ** 70, 0),
    lambda: full.insert(0, 2),
    lambda: d.append(),
    lambda: d.append(1, 2),
    lambda: d.pop(1),
    lambda: d.count(),
    lambda: d.copy(1),
    lambda: d.extend(1),
    lambda: deque(1),
    lambda: deque([], -1),
    lambda: deque([], "a"),
    lambda: deque([], 2 ** 70),
    lambda: deque(a=1),
    lambda: deque([], 1, 2),
    lambda: d + [1],
    lambda: [1] + d,
    lambda: d * "a",
    lambda: d * 1.5,
    lambda: hash(d),
    lambda: d < [1],
    lambda: d.__init__(maxlen=-2),
    lambda: deque.__new__(int),
    lambda: setattr(d, "maxlen", 3),
    lambda: delattr(d, "maxlen"),
    lambda: setattr(d, "x", 1),
    lambda: deque([1, 2], 3) * (2 ** 62),
]
for i, t in enumerate(tests):
    try:
        print(i, "->", t())
    except Exception as e:
        print(i, type(e).__name__, e)
print(d)
