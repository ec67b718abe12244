print(1 == 1.0, 1 == 1 + 0j, True == 1, None == 0, "1" == 1)
print(float("nan") == float("nan"), float("nan") != float("nan"))
nan = float("nan")
print([nan] == [nan], nan in [nan], (nan,) == (nan,))
print([1, 2] == [1, 2], [1, 2] == (1, 2), {1: 2} == {1: 2.0}, {1, 2} == frozenset([2, 1]))
print([1, [2, 3]] < [1, [2, 4]], "abc" < "abd", "Z" < "a", "" < "a", b"a" < b"b")
print((1, 2) < (1, 2, 3), () < (0,), [3] > [2, 9])
print({1} < {1, 2}, {1, 2} <= {1, 2}, {1, 2} > {3}, {1} >= set())
print(10 ** 20 > 1e19, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 == float(2 ** 53))
print(-0.0 == 0.0, 1e308 * 10 > 10 ** 400, float("inf") > 10 ** 1000)
for f in (lambda: [1] < (1,), lambda: {1: 2} < {1: 2}, lambda: None < None,
          lambda: 1j < 2j, lambda: "a" > 1, lambda: [1, "a"] < [1, 2]):
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)
print(None is None, type(None)() is None, type(None).__name__)
print(max("apple", "banana", key=len), min([(2, "b"), (1, "z"), (1, "a")]))
