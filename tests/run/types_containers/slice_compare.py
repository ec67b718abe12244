# Slices compare as (start, stop, step) tuples and are unhashable;
# bounds take __index__; indices() is exact for huge ints.
class I:
    def __index__(self):
        return 2


print([1, 2, 3, 4][I():], slice(I()).indices(5), slice(None, None, I()).indices(10 ** 30), slice(-10 ** 40, 10 ** 40, 3).indices(7))
print(slice(None, None, -10 ** 30).indices(5), slice(10 ** 30).indices(5), [1, 2, 3][I():I()], "abcdef"[slice(None, None, I())])
s = slice(1, 2)
print(s == s, s <= s, s < s, s != s, slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3), slice(1, 2, 3) > slice(1, 2))
print(sorted([slice(3, 1), slice(1, 2), slice(1, 1)]), slice(1, 2) == (1, 2), slice(1, 2) != (1, 2))
print(slice.start, slice.stop.__get__(slice(4)), slice(1, 2, 3).step, slice("a", [1], None))
for bad in (lambda: slice(1).indices("a"), lambda: slice("a").indices(3), lambda: slice(1).indices(-1),
            lambda: slice(1, 2) < slice(1, "a"), lambda: slice(1, 2) < (1, 2), lambda: slice(None, 2) < slice(1, 2),
            lambda: {slice(1)}, lambda: hash(slice(1)), lambda: slice(0, 0, 0).indices(1), lambda: slice(1, 2, "x").indices(5)):
    try:
        print(bad())
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)
