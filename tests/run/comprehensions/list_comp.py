print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in "ab"])
print([y for x in [[1, 2], [3], []] for y in x])
print([[row[i] for row in [[1, 2, 3], [4, 5, 6]]] for i in range(3)])
print([x if x % 2 else -x for x in range(5)])
print([c.upper() for c in "hey" if c != "e"])
print([i for i in []])
print([(lambda v: v + 1)(x) for x in range(3)])
print([n for n in range(3) for _ in range(n)])
print([[x for x in range(i)] for i in range(4)])
print([a + b for a, b in [(1, 2), (3, 4)]])
print([first for first, *rest in ["abc", "de"]])
try:
    [1 / x for x in [1, 0]]
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    [x for x in None]
except TypeError as e:
    print(type(e).__name__, e)
print([y := 5, y ** 2])
print([last := v for v in range(4)], last)
