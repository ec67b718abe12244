a = {1, 2, 3}
b = {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b, {3})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(a <= b, {2} < a, a.issubset(range(5)), a.issuperset({1}), a.isdisjoint({7}), a == {3, 2, 1})
s = set()
s.add(1); s.add(1); s.update([2, 3], {4}); s.discard(9); s.remove(4)
print(sorted(s), len(s), 2 in s, s.pop() in (1, 2, 3), len(s))
try:
    s.remove(42)
except KeyError as e:
    print(type(e).__name__, e)
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
fs = frozenset([1, 2])
print(fs, fs | {3}, type(fs | {3}).__name__, type({3} | fs).__name__, hash(fs) == hash(frozenset([2, 1])))
try:
    fs.add(3)
except AttributeError as e:
    print(type(e).__name__, e)
print(set(), frozenset(), set("aab") == {"a", "b"}, {1, 2} == frozenset({1, 2}), {frozenset(): 1})
print(sorted({x % 5 for x in range(100)}), set([1, 1.0, True]), len({0, False, 0.0, -0.0}))
s = {1, 2, 3}
s -= {1}; s |= {9}; s &= {2, 9}; s ^= {2, 7}
print(sorted(s))
print({3, 1, 2}, {10, 5, 1}, set(range(5)))
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__, e)
