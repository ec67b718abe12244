# tuple.index (with start and stop), count, __getnewargs__, and subclasses.
t = (1, "two", 3.0, 1, [5], 1)
print(t.count(1), t.count(1.0), t.count([5]), t.count("x"), t.index(1), t.index(1, 1), t.index(1, -2), t.index(3))
print(t.index(1, 4, 6), t.index("two", -100, 100), t.index(1, 0, 1), (True, 1).index(1), (0, 1).count(False))
for bad in (lambda: t.index(99), lambda: t.index(1, 1, 3), lambda: t.index(1, 10), lambda: t.index(),
            lambda: t.index(1, 2, 3, 4), lambda: t.index(x=1), lambda: t.count(), lambda: t.count(1, 2),
            lambda: t.count(x=1), lambda: t.index(1, "a"), lambda: t.index(1, None), lambda: t.__getnewargs__(1)):
    try:
        print(bad())
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)


class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


print(t.index(1, Idx(2)), t.index(1, Idx(-1), Idx(10 ** 30)), t.index(1, -10 ** 30))


class Eq:
    def __eq__(self, other):
        print("eq", other)
        return other == 3.0


print(t.count(Eq()), t.index(Eq()))


class T(tuple):
    pass


s = T((1, 2, 2))
print(s.count(2), s.index(2), s.__getnewargs__(), type(s.__getnewargs__()[0]).__name__, ().__getnewargs__())
print([1, 2, 1].index(1, Idx(1)), [1, 2].index(2, -1))
