print(max(3, 1, 2), max([4, 9, 2]), max([], default="empty"))
print(min("hello"), min([3, 1], key=lambda v: -v))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []))
print(abs(-5), abs(-2.5), divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(2, 10, 1000))
print(round(2.675, 2), round(2.5), round(3.5), round(-0.5), round(1234, -2))
print(sorted([3, 1, 2], reverse=True), list(reversed([1, 2, 3])))
print(list(zip("abc", range(5))), list(enumerate("xy", start=1)))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(None, [0, 1, "", "a", None, []])))
print(any([]), all([]), any([0, 1]), all([1, 0]))
print(chr(65), ord("a"), hex(255), oct(8), bin(5), hex(-1))
print(isinstance(True, int), issubclass(bool, int), isinstance(1, (str, int)))
for call in (lambda: max(), lambda: max([]), lambda: min(1), lambda: chr(-1),
             lambda: ord("ab"), lambda: sum(["a"], ""), lambda: pow(2, -1, 5) and pow(0, -1, 5)):
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(list(zip()), list(map(str, [])))
try:
    list(zip([1], [2, 3], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
