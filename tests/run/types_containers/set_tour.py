s = {3, 1, 2}
print(s, len(s), 2 in s, 5 in s, set(), frozenset(), frozenset([1, 2]))
s.add(10); s.add(-1); s.discard(3); s.discard(99)
print(s, sorted(s))
print({1, 2} | {2, 3}, {1, 2} & {2, 3}, {1, 2} - {2, 3}, {1, 2} ^ {2, 3})
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2} == frozenset({1, 2}), {1} != {2})
print({x * x for x in range(-3, 4)}, set(range(20)), set("a") == {"a"})
big = set(range(100)); big.difference_update(range(0, 100, 2)); print(len(big), list(big)[:5])
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset({(1, 2), 5.5})))
t = {1, 2, 3}; u = t; t |= {4}; print(u, t is u); t &= {1, 4}; print(u); t -= {1}; print(t); t ^= {9, 4}; print(t)
p = {5, 6, 7}; print(p.pop(), p.pop(), p)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
try:
    {1}.remove(2)
except KeyError as e:
    print("KeyError", e)
try:
    {[]}
except TypeError as e:
    print(e)
print({1, 2}.union([3], (4,)), {1, 2, 3}.intersection([2, 3, 4]), {1, 2}.issubset([1, 2, 3]), {1}.isdisjoint([2]))
fs = frozenset({1, 2}); print(fs | {3}, {3} | fs, type(fs & {1}).__name__, {fs: 1})
print({-1, -2, 8, 16, 1 << 40, 2.5, True})
d = {i: i for i in range(12)}; print(set(d))
s2 = set(); [s2.add(i * 7) for i in range(30)]; print(s2)
for i in range(0, 30, 3): s2.discard(i * 7)
print(s2, s2.copy())
print(repr({()}), {(1, 2), (2, 1)} == {(2, 1), (1, 2)})
print(set([1, 2, 3]) - set([2]), {*range(3), *"ab"} - {"a", "b"})
