# The iterators that stop with their input: accumulate, chain, compress,
# dropwhile, takewhile, filterfalse, starmap, islice, pairwise, zip_longest.
import itertools as it
import operator

print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([])), list(it.accumulate("abc")))
print(list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate([1, 2, 3], operator.mul)))
print(list(it.accumulate([1, 2, 3], initial=100)), list(it.accumulate([], initial=0)))
print(list(it.accumulate([1, 2], func=None, initial=None)), list(it.accumulate(iterable=[5, 5])))
print(list(it.accumulate([[1], [2]])), list(it.accumulate([1.5, 2, 3j if False else 4])))

print(list(it.accumulate([1j, 2, 3.5])), list(it.accumulate([b"a", b"b"])), list(it.islice(b"xyz", 2)))
print(list(it.chain(b"ab", bytearray(b"c"))), list(it.zip_longest(b"a", b"bc")), list(it.pairwise(b"abc")))
print(list(it.chain()), list(it.chain([1], (2,), "34", range(5, 7), {8: 0})))
print(list(it.chain.from_iterable(["ab", [1], (), iter([2, 3])])), list(it.chain.from_iterable([])))
print(list(it.chain.from_iterable(x for x in [[1], [2]])))
c = it.chain("ab", "cd")
print(next(c), next(c), next(c), list(c), list(c))
print(it.chain[int], it.chain[int].__origin__ is it.chain, type(it.chain.from_iterable([])) is it.chain)
def lazy():
    print("lazy started")
    yield 1
c = it.chain([0], lazy())
print("made")
print(list(c))
c = it.chain([1], 2, [3])
print(next(c))
try:
    next(c)
except TypeError as e:
    print("TypeError:", e)
print(list(c))

print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.compress("abc", [1])))
print(list(it.compress(range(10), it.cycle([True, False]))), list(it.compress([], [1, 1])))
print(list(it.compress(data="ab", selectors=[0, 1])))
data = iter(range(5))
print(list(it.compress(data, [0, 0])), list(data))

print(list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1, 2])), list(it.dropwhile(bool, [])))
print(list(it.takewhile(lambda x: x < 3, [1, 2, 3, 4, 1, 2])), list(it.takewhile(bool, [0, 1])))
calls = []
def pred(x):
    calls.append(x)
    return x < 2
print(list(it.dropwhile(pred, [0, 1, 2, 0, 1])), calls)
calls.clear()
source = iter([0, 1, 2, 0, 1])
t = it.takewhile(pred, source)
print(list(t), calls, list(t), list(source))

print(list(it.filterfalse(None, [0, 1, "", "a", [], [0], None])), list(it.filterfalse(bool, [0, 1])))
print(list(it.filterfalse(lambda x: x % 3, range(10))))

print(list(it.starmap(pow, [(2, 3), (3, 2), [10, 2]])), list(it.starmap(lambda: 1, [(), []])))
print(list(it.starmap(operator.add, ["ab", "cd"])), list(it.starmap(max, iter([(1, 5, 2)]))))
class T(tuple):
    def __iter__(self):
        return iter((9, 9))
print(list(it.starmap(lambda *a: a, [T((1, 2))])))

r = range(10)
for args in [(3,), (None,), (2, 5), (2, None), (0, 10, 3), (1, None, 4), (8, 3), (0, 0), (None, None, None),
             (20,), (3, 20, 2), (0, 9, 100)]:
    print(args, list(it.islice(r, *args)))
class Idx:
    def __index__(self):
        return 2
print(list(it.islice("abcdef", Idx())), list(it.islice("abcdef", Idx(), None, Idx())))
source = iter(range(10))
print(list(it.islice(source, 2)), next(source))
source = iter(range(10))
print(list(it.islice(source, 1, 6, 3)), next(source))
source = iter(range(10))
sl = it.islice(source, 0, 2)
print(list(sl), list(sl), next(source))
print(list(it.islice(it.count(), 3, 20, 7)), list(it.islice(it.count(), 0)))

print(list(it.pairwise("abcd")), list(it.pairwise([1])), list(it.pairwise([])), list(it.pairwise(range(3))))
p = it.pairwise(iter([1, 2, 3]))
print(next(p), next(p), list(p), list(p))

print(list(it.zip_longest("abc", [1])), list(it.zip_longest()), list(it.zip_longest("ab")))
print(list(it.zip_longest("a", "bcd", [], fillvalue="-")), list(it.zip_longest(fillvalue=0)))
print(list(it.zip_longest(range(3), it.repeat(0, 1), fillvalue=None)))
z = it.zip_longest([1, 2], [3])
print(next(z), next(z), list(z), list(z))

for bad in ["it.accumulate()", "it.accumulate(1)", "it.accumulate([], None, None)", "it.accumulate([], 1, 2, 3)",
            "it.accumulate([], initial=1, x=2)", "it.accumulate([], func=1, iterable=2)",
            "list(it.accumulate([1, 'a']))", "list(it.accumulate([1, 2], 5))",
            "it.chain(x=1)", "it.chain.from_iterable()", "it.chain.from_iterable(1)",
            "it.chain.from_iterable([], [])", "it.chain.from_iterable(x=[])", "list(it.chain.from_iterable([1]))",
            "it.compress()", "it.compress([1])", "it.compress(1, [])", "it.compress([], 1)", "it.compress([], [], [])",
            "it.compress(data=[], selectors=[], x=1)",
            "it.dropwhile()", "it.dropwhile(None)", "it.dropwhile(None, 1)", "it.dropwhile(None, [], x=1)",
            "list(it.dropwhile(None, [1]))", "it.takewhile(None)", "list(it.takewhile(1, [1]))",
            "it.filterfalse(None)", "it.filterfalse(None, 1)", "it.filterfalse(function=None, iterable=[])",
            "it.starmap(None)", "it.starmap(pow, 1)", "list(it.starmap(pow, [1]))", "list(it.starmap(pow, [(1,)]))",
            "it.islice()", "it.islice([])", "it.islice([], -1)", "it.islice([], -5)", "it.islice([], 'a')",
            "it.islice([], 1, -1)", "it.islice([], -1, 2)", "it.islice([], 'a', 2)", "it.islice([], 2**70, 2)",
            "it.islice([], 0, 2, 0)", "it.islice([], 0, 2, -1)", "it.islice([], 1, 2, 3, 4)", "it.islice(1, 2)",
            "it.islice(1, -1)", "it.islice([], 2**70)", "it.islice([], stop=2)", "it.islice([], 1.5)",
            "it.islice([], None, 1.5)", "it.islice([], 0, 1, 1.5)", "it.islice([], 0, None, 2**70)",
            "it.pairwise()", "it.pairwise(1)", "it.pairwise([], [])", "it.pairwise(iterable=[])",
            "it.zip_longest(1)", "it.zip_longest([], x=1)", "it.zip_longest([], fillvalue=1, x=2)"]:
    try:
        eval(bad)
        print(bad, "ok")
    except Exception as e:
        print(bad, type(e).__name__, e)
