# range() with bounds beyond 64 bits: lengths, items, slices, iteration,
# reversal, membership, index/count, equality and hashing, and the errors.
import sys

big = 1 << 100
r = range(big)
print(r, r.start, r.stop, r.step, bool(r), bool(range(big, big)))
print(r[0], r[-1], r[big - 1], r[12345678901234567890123])
for bad in (big, -big - 1, 1 << 200):
    try:
        r[bad]
    except IndexError as e:
        print("IndexError", e)
try:
    len(r)
except OverflowError as e:
    print("OverflowError", e)
print(len(range(sys.maxsize)), len(range(-sys.maxsize, 0)))
try:
    len(range(-sys.maxsize - 1, 0))
except OverflowError as e:
    print("OverflowError", e)

print(type(iter(range(1 << 1000))).__name__, type(iter(range(10))).__name__)
print(type(iter(range(sys.maxsize - 1, sys.maxsize))).__name__)
print(type(iter(range(0, sys.maxsize, 2))).__name__)
print(type(iter(range(sys.maxsize - 5, sys.maxsize + 5))).__name__)
print(type(reversed(range(10))).__name__, type(reversed(range(big))).__name__)
print(type(reversed(range(-sys.maxsize - 1, 0))).__name__)
print(type(reversed(range(-sys.maxsize, 0))).__name__)

it = iter(range(big - 3, big + 3))
print(it.__length_hint__(), list(it), it.__length_hint__())
print(list(range(sys.maxsize - 3, sys.maxsize + 3)))
print(list(range(-sys.maxsize - 3, -sys.maxsize + 2)))
print(list(range(big, -big, -big // 2)))
print(list(reversed(range(big, big + 10, 3))))
print(list(reversed(range(sys.maxsize - 10, sys.maxsize, 4))))
print(list(reversed(range(-sys.maxsize - 1, -sys.maxsize + 5, 2))))
print(list(reversed(range(5, -5, -3))))
print(list(zip(range(3), reversed(range(1 << 70, 1 << 71, 1 << 68)))))

s = range(-big, big, 7)
print(s[::big // 3], s[5:-5:-2], s[big:], s[-big * 10:3])
print(r[::-1], r[1::1 << 99], r[big // 2::-(big // 4)])
print(range(10)[::-1], range(10)[2:8:3], range(0)[::-1], range(10)[100:], range(10)[-100:3])
try:
    r[::0]
except ValueError as e:
    print("ValueError", e)
try:
    r[1.5:]
except TypeError as e:
    print("TypeError", e)

for x in (0, big - 1, big, -1, True, 1 << 99):
    print(x in r, r.count(x), end="; ")
for x in (5.0, 3.5, False, 10):
    print(x in range(10), range(10).count(x), end="; ")
print()
print(big * 2 in range(0, big * 3, big), big * 2 + 1 in range(0, big * 3, big))
print(range(0, -big, -3).index(-3 * 1000), r.index(1 << 99), r.index(True))
for args in [(big,), (-1,), (1.0,), ("x",)]:
    try:
        print(range(10).index(*args))
    except ValueError as e:
        print("ValueError", e)
print(range(10).index(3.0), range(10).count(3.0), range(0, 10, 2).count(4))

class Eq:
    def __eq__(self, other):
        return other == 4
    __hash__ = None
print(Eq() in range(10), range(10).index(Eq()), range(10).count(Eq()), Eq() in range(0))

print(range(0) == range(5, 5), range(0) == range(5, 1, 2), range(1, 2, 5) == range(1, 3, 10))
print(range(big) == range(0, big, 1), range(big) == range(big + 1), range(big) != range(big))
print(hash(range(0)) == hash(range(7, 3)), hash(range(1, 2, 5)) == hash(range(1, 3, 10)))
print(hash(range(big)) == hash(range(0, big)), range(3) == [0, 1, 2], range(3).__eq__(3))
try:
    range(3) < range(4)
except TypeError as e:
    print("TypeError", e)
print(range(big).__reduce__(), range(1, 2).__reduce__())

class Idx:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
print(range(Idx(big)), range(Idx(2), Idx(9), Idx(3)), range(10)[Idx(-1)], range(True, 5))
print(type(range(True).stop), range(10)[Idx(2):Idx(5)])
for args in [(), (1, 2, 3, 4), (1.5,), ("a", 3), (1, 2, 0), (1, 2, big * 0)]:
    try:
        print(range(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    range(stop=3)
except TypeError as e:
    print("TypeError", e)
try:
    r.start = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    range[int]
except TypeError as e:
    print("TypeError", e)
print(range(5)["a" if False else 2], sum(range(big, big + 3)), max(range(-big, -big + 2)))
try:
    range(5)["a"]
except TypeError as e:
    print("TypeError", e)
