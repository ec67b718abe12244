# _bisect (the C accelerator of bisect.py) and len() of huge __len__.
import sys
import _bisect
import bisect

print(bisect.bisect is _bisect.bisect_right, bisect.insort is _bisect.insort_right)
a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 4, 8, 9]:
    print(x, _bisect.bisect_left(a, x), _bisect.bisect_right(a, x),
          _bisect.bisect_left(a, x, 2), _bisect.bisect_right(a, x, 1, 4), _bisect.bisect_right(a, x, hi=None))
words = ["apple", "Banana", "cherry", "Date"]
words.sort(key=str.lower)
print(words, _bisect.bisect_left(words, "c", key=str.lower), _bisect.bisect_right(words, "banana", key=str.lower))
_bisect.insort_left(words, "blueberry", key=str.lower)
_bisect.insort_right(words, "BANANA", key=str.lower)
print(words)
b = []
for v in [5, 1, 4, 1, 3]:
    _bisect.insort(b, v) if hasattr(_bisect, "insort") else _bisect.insort_right(b, v)
print(b)


class Range:
    def __init__(self, start, stop):
        self.start, self.stop, self.last_insert = start, stop, None
    def __len__(self):
        return self.stop - self.start
    def __getitem__(self, i):
        if i >= self.stop - self.start:
            raise IndexError(i)
        return self.start + i
    def insert(self, i, item):
        self.last_insert = i, item


n = sys.maxsize
r = Range(0, n - 1)
print(len(r), _bisect.bisect_left(r, n - 3), _bisect.bisect_right(r, n - 3, n - 10, n))
_bisect.insort_left(r, n - 100, n - 150, n - 50)
print(r.last_insert == (n - 100, n - 100))

for call in [
    lambda: _bisect.bisect_left(a, 1, -1),
    lambda: _bisect.bisect_right(a, 1, 2**70),
    lambda: _bisect.bisect_right(a, 1, "x"),
    lambda: _bisect.bisect_right(a),
    lambda: _bisect.bisect_right(a, 1, 0, 3, None),
    lambda: _bisect.bisect_right(a, 1, bad=3),
    lambda: _bisect.insort_left(None, 1),
    lambda: _bisect.bisect_left(10, 1),
]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)


class L:
    def __init__(self, v): self.v = v
    def __len__(self): return self.v
for v in [n, n - 1, 0, -1, -2**70, 2**70, True]:
    try:
        print(len(L(v)))
    except Exception as e:
        print(type(e).__name__, e)
