import sys
print(len(range(10 ** 18)), range(10 ** 18)[10 ** 17], range(-(10 ** 18), 10 ** 18, 3)[-1])
r = range(10 ** 100)
print(r[-1] == 10 ** 100 - 1, 10 ** 99 in r, r.index(12345), r[::10 ** 50][5] == 5 * 10 ** 50)
for bad in (lambda: len(r), lambda: len(range(2 ** 63)), lambda: "ab" * (2 ** 62), lambda: [None] * (2 ** 62),
            lambda: (1,) * (2 ** 62), lambda: b"x" * (2 ** 63), lambda: "x" * (10 ** 100), lambda: [0] * -5):
    try:
        v = bad()
        print("value", v)
    except (OverflowError, MemoryError, ValueError) as e:
        print(type(e).__name__, e)
for i in range(10 ** 18):
    if i == 3:
        break
print("broke out of a 10**18 loop at", i)
it = iter(range(10 ** 20))
print(next(it), next(it))
print(sum(range(10 ** 6)), sys.maxsize + 1 in range(sys.maxsize + 2))
print(len("x" * 10 ** 7), len(list(range(10 ** 6))), len(bytes(10 ** 7)))
