records = [("bob", 25, "b"), ("ann", 30, "a"), ("cy", 25, "c"), ("dee", 30, "d"), ("eve", 22, "e")]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: (-r[1], r[0])))
by_age = sorted(records, key=lambda r: r[0])
by_age.sort(key=lambda r: r[1])
print([r[0] for r in by_age])
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted([3, 1, 2], key=None), sorted("Banana"), sorted([-3, 2, -1], key=abs))
print(sorted([[2, "b"], [1, "z"], [2, "a"]]), sorted([(1, 2), (1,), ()]), sorted([0.5, 1, True, False]))
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"K{self.v}"
print(sorted([K(3), K(1), K(2)]), min(K(5), K(4)), max([K(1), K(9)]))
class GtOnly:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return f"G{self.v}"
print(sorted([GtOnly(2), GtOnly(1)]))
for bad in ([1, "a"], [None, None], [{1}, {2}, 1]):
    try:
        print(sorted(bad))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    sorted([1, 2], key=lambda x: 1 / (x - 1))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    sorted([1], cmp=lambda a, b: 0)
except TypeError as e:
    print(type(e).__name__, e)
big = list(range(1000, 0, -1))
big.sort()
print(big[:3], big[-3:], sorted(big, reverse=True)[:2], [1, 2] < [1, 2, 0])
