# Classes derived from the itertools types: instances of the class with a
# __dict__, overridden __next__/__iter__, super() calls, class-named
# reprs, from_iterable on a subclass, and the types that stay final.
import itertools as it

class MyCount(it.count):
    pass
c = MyCount(5, 2)
print(type(c).__name__, isinstance(c, it.count), repr(c), next(c), repr(c), repr(MyCount()))

class Tagged(it.chain):
    def __init__(self, *iterables):
        super().__init__()
        self.tag = "t%d" % len(iterables)
t = Tagged("ab", "c")
print(t.tag, list(t), t.__dict__, type(t).__mro__[1] is it.chain)
t.extra = 1
print(vars(t))

class Doubling(it.repeat):
    def __next__(self):
        return 2 * super().__next__()
print(list(Doubling(3, 2)), repr(Doubling("x")), Doubling(1, 5).__length_hint__())

class Upper(it.chain):
    @classmethod
    def of(cls, items):
        return cls.from_iterable(items)
u = Upper.of(["ab", "c"])
print(type(u).__name__, list(u), type(it.chain.from_iterable([])).__name__)

class Counted(it.islice):
    def __new__(cls, iterable, n):
        self = super().__new__(cls, iterable, n)
        self.n = n
        return self
s = Counted(range(10), 3)
print(s.n, list(s))

class Pairs(it.pairwise):
    def __next__(self):
        a, b = super().__next__()
        return a + b
print(list(Pairs([1, 2, 4])), iter(Pairs([])).__class__.__name__)

for base in [it.cycle, it.accumulate, it.compress, it.dropwhile, it.takewhile, it.filterfalse,
             it.starmap, it.zip_longest, it.groupby, it.product, it.permutations, it.combinations,
             it.combinations_with_replacement]:
    sub = type("Sub" + base.__name__, (base,), {"marker": base.__name__})
    args = {"compress": ("abc", [1, 0, 1]), "dropwhile": (bool, [1, 0, 1]), "takewhile": (bool, [1, 0, 1]),
            "filterfalse": (bool, [1, 0, 1]), "starmap": (pow, [(2, 2)]), "combinations": ("abc", 2),
            "combinations_with_replacement": ("ab", 2), "cycle": ("ab",)}.get(base.__name__, ("ab",))
    obj = sub(*args)
    obj.attr = 1
    items = list(it.islice(obj, 5))
    if base is it.groupby:
        items = [k for k, _ in items]
    print(type(obj).__name__, obj.marker, obj.attr, items)

for final in [it._grouper, it._tee, it._tee_dataobject, type(it.tee([])[0])]:
    try:
        type("X", (final,), {})
    except TypeError as e:
        print("TypeError:", e)
try:
    class Both(it.count, it.chain):
        pass
except TypeError as e:
    print("TypeError:", e)
print(it.chain.__new__(it.chain, [1]).__class__.__name__, list(it.count.__new__(MyCount, 7).__class__.__mro__[:2]) == [MyCount, it.count])
try:
    it.count.__new__(it.chain)
except TypeError as e:
    print("TypeError:", e)
