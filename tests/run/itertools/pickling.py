# Pickling and copying itertools objects, as CPython 3.11 does: every type
# pickled (each protocol) and copied before, during and after iteration,
# then resumed; the reduce tuples themselves; __setstate__'s checks.
import copy
import itertools as it
import operator
import pickle


def show_reduce(label, obj):
    # Reduce tuples with iterators inside print as type names only.
    def name(v):
        if isinstance(v, tuple):
            return "(" + ", ".join(name(x) for x in v) + ("," if len(v) == 1 else "") + ")"
        if isinstance(v, (int, str, float, list, type(None), bool)):
            return repr(v)
        if isinstance(v, type):
            return v.__name__
        if callable(v) and hasattr(v, "__name__"):
            return v.__name__
        return "<" + type(v).__name__ + ">"
    print(label, name(obj.__reduce__()))


def expand(x, depth=0):
    # Nested groupby results: the groups' items, in a bounded way.
    if depth > 3 or isinstance(x, (str, int)):
        return x
    try:
        items = list(it.islice(x, 12))
    except TypeError:
        return x
    return [expand(e, depth + 1) for e in items]


def roundtrips(label, make, steps=(0, 1, 2, 5, 100)):
    types = set()
    for n in steps:
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            obj = make()
            head = list(it.islice(obj, n))
            clone = pickle.loads(pickle.dumps(obj, proto))
            if type(clone) is not type(obj):
                types.add(type(clone).__name__)
            a, b = expand(obj), expand(clone)
            if a != b:
                print("MISMATCH", label, n, proto, a, b)
        for copier in (copy.copy, copy.deepcopy):
            obj = make()
            list(it.islice(obj, n))
            clone = copier(obj)
            a, b = expand(clone), expand(obj)
            if a != b and copier is copy.deepcopy:
                print("MISMATCH", label, n, copier.__name__, a, b)
    obj = make()
    print(label, expand(list(it.islice(obj, 3))), expand(pickle.loads(pickle.dumps(obj))), sorted(types))


def isodd(x):
    return x % 2 == 1


def first(a, b):
    return a


def third(x):
    return x // 3


roundtrips("count", lambda: it.count(3))
roundtrips("count step", lambda: it.count(1.5, 0.25))
roundtrips("count big", lambda: it.count(2**70, -3))
roundtrips("cycle", lambda: it.cycle("abc"))
roundtrips("cycle empty", lambda: it.cycle(""))
roundtrips("repeat", lambda: it.repeat("x", 4))
roundtrips("repeat endless", lambda: it.repeat(7))
roundtrips("accumulate", lambda: it.accumulate(range(10)))
roundtrips("accumulate func", lambda: it.accumulate([3, 1, 4, 1, 5], max))
roundtrips("accumulate initial", lambda: it.accumulate([1, 2, 3], initial=100))
roundtrips("accumulate None total", lambda: it.accumulate([None, None, None], first))
roundtrips("chain", lambda: it.chain("ab", [], "cde"))
roundtrips("chain.from_iterable", lambda: it.chain.from_iterable(["ab", "cd"]))
roundtrips("compress", lambda: it.compress("abcdef", [1, 0, 1, 1, 0, 1]))
roundtrips("dropwhile", lambda: it.dropwhile(isodd, [1, 3, 2, 5, 4]))
roundtrips("takewhile", lambda: it.takewhile(isodd, [1, 3, 2, 5, 4]))
roundtrips("filterfalse", lambda: it.filterfalse(isodd, range(10)))
roundtrips("filterfalse None", lambda: it.filterfalse(None, [0, 1, "", "a", 0]))
roundtrips("islice", lambda: it.islice("abcdefghij", 1, 8, 2))
roundtrips("islice stop", lambda: it.islice(range(20), 4))
roundtrips("islice open", lambda: it.islice(it.count(), 2, None, 3))
roundtrips("starmap", lambda: it.starmap(operator.pow, [(2, 3), (3, 2), (10, 1)]))
roundtrips("zip_longest", lambda: it.zip_longest("ab", "wxyz", fillvalue="-"))
roundtrips("zip_longest none", lambda: it.zip_longest())
roundtrips("groupby", lambda: it.groupby("aabbbcdd"))
roundtrips("groupby key", lambda: it.groupby(range(10), third))
roundtrips("product", lambda: it.product("ab", range(3)))
roundtrips("product repeat", lambda: it.product("ab", repeat=3))
roundtrips("product empty pool", lambda: it.product("ab", ""))
roundtrips("product none", lambda: it.product())
roundtrips("permutations", lambda: it.permutations("abcd", 2))
roundtrips("permutations full", lambda: it.permutations(range(3)))
roundtrips("permutations r>n", lambda: it.permutations("ab", 3))
roundtrips("combinations", lambda: it.combinations("abcde", 3))
roundtrips("combinations r>n", lambda: it.combinations("abc", 32))
roundtrips("combinations r=0", lambda: it.combinations("abc", 0))
roundtrips("cwr", lambda: it.combinations_with_replacement("abc", 2))
roundtrips("cwr empty", lambda: it.combinations_with_replacement("", 2))
roundtrips("tee", lambda: it.tee("abcdefgh")[0])
roundtrips("tee long", lambda: it.tee(range(200))[1], steps=(0, 56, 57, 58, 120, 300))

# A tee pickled mid-way with its sibling: both resume where they are.
a, b = it.tee(range(100))
list(it.islice(a, 70))
list(it.islice(b, 3))
a2, b2 = pickle.loads(pickle.dumps((a, b)))
print("tee pair", list(it.islice(a2, 3)), list(it.islice(b2, 3)), list(it.islice(a, 3)), list(it.islice(b, 3)))
c = copy.copy(b2)
print("tee copy", next(c), next(b2))

# A grouper pickles with its groupby; an old grouper as an exhausted iterator.
g = it.groupby("aaabbc")
k1, g1 = next(g)
print("grouper first", next(g1))
g2, gr2 = pickle.loads(pickle.dumps((g, g1)))
print("grouper resumed", list(gr2), [(k, list(v)) for k, v in g2])
k2, g3 = next(g)
show_reduce("old grouper", g1)
print("old grouper empty", list(pickle.loads(pickle.dumps(g1))))

# The reduce tuples.
c = it.count(3)
next(c)
show_reduce("count", c)
show_reduce("count float", it.count(2.5, 0.5))
show_reduce("repeat", it.repeat("x", 3))
show_reduce("repeat endless", it.repeat(1))
cy = it.cycle("abc")
next(cy)
show_reduce("cycle first pass", cy)
list(it.islice(cy, 4))
show_reduce("cycle second pass", cy)
show_reduce("accumulate", it.accumulate([1, 2]))
show_reduce("accumulate initial", it.accumulate([1, 2], initial=5))
ac = it.accumulate([None, 1], lambda a, b: None)
next(ac)
show_reduce("accumulate None", ac)
ch = it.chain("ab", "cd")
show_reduce("chain", ch)
next(ch)
show_reduce("chain active", ch)
list(ch)
show_reduce("chain done", ch)
show_reduce("islice", it.islice("abcdef", 1, 5, 2))
sl = it.islice("abc", 1)
list(sl)
show_reduce("islice done", sl)
p = it.product("ab", repeat=2)
show_reduce("product", p)
next(p)
show_reduce("product running", p)
list(p)
show_reduce("product done", p)
pe = it.permutations("abc", 2)
show_reduce("permutations", pe)
next(pe)
show_reduce("permutations running", pe)
list(pe)
show_reduce("permutations done", pe)
cb = it.combinations("abcd", 2)
next(cb)
show_reduce("combinations running", cb)
show_reduce("combinations r>n", it.combinations("ab", 3))
cw = it.combinations_with_replacement("ab", 2)
next(cw)
show_reduce("cwr running", cw)
z = it.zip_longest("a", "xyz", fillvalue=0)
next(z)
next(z)
show_reduce("zip_longest", z)
show_reduce("dropwhile", it.dropwhile(isodd, [1]))
show_reduce("takewhile", it.takewhile(isodd, [1]))
show_reduce("filterfalse", it.filterfalse(None, [1]))
show_reduce("starmap", it.starmap(pow, []))
show_reduce("compress", it.compress("a", [1]))
t = it.tee("abc")[0]
next(t)
show_reduce("tee", t)
show_reduce("tee data", t.__reduce__()[2][0])
g = it.groupby("ab")
show_reduce("groupby", g)
next(g)
show_reduce("groupby started", g)

# pairwise has no reduce of its own.
for label, f in (("dumps", pickle.dumps), ("copy", copy.copy)):
    try:
        f(it.pairwise("abc"))
    except TypeError as e:
        print("pairwise", label, e)


def attempt(label, f, *args):
    try:
        print(label, f(*args))
    except Exception as e:
        print(label, type(e).__name__, e)


g = it.groupby("ab")
attempt("groupby short", g.__setstate__, (1, 2))
attempt("groupby not tuple", g.__setstate__, 5)
attempt("groupby no arg", g.__setstate__)
cy = it.cycle("ab")
attempt("cycle flag", cy.__setstate__, ([], "x"))
attempt("cycle list", cy.__setstate__, ((), 1))
attempt("cycle short", cy.__setstate__, ([],))
attempt("cycle big", cy.__setstate__, ([1], 2**70))
attempt("cycle ok", cy.__setstate__, ([1, 2], 1))
print("cycle after", list(it.islice(cy, 5)))
ch = it.chain()
attempt("chain empty", ch.__setstate__, ())
attempt("chain not iter", ch.__setstate__, (1,))
attempt("chain active not iter", ch.__setstate__, (iter(""), 1))
attempt("chain long", ch.__setstate__, (1, 2, 3))
attempt("chain ok", ch.__setstate__, (iter(["xy", "z"]), iter("ab")))
print("chain after", list(ch))
te = it.tee("abc")[0]
attempt("tee type", te.__setstate__, (1, 2))
attempt("tee range", te.__setstate__, (te.__reduce__()[2][0], 58))
attempt("tee index", te.__setstate__, (te.__reduce__()[2][0], "x"))
p = it.product("ab", "c")
attempt("product short", p.__setstate__, (1,))
attempt("product str", p.__setstate__, ("a", 1))
attempt("product clamp", p.__setstate__, (5, -3))
print("product after", list(p))
pe = it.permutations("abc")
attempt("perm int", pe.__setstate__, 1)
attempt("perm list", pe.__setstate__, ([], ()))
attempt("perm sizes", pe.__setstate__, ((), ()))
attempt("perm clamp", pe.__setstate__, ((9, 9, 9), (0, 9, 9)))
print("perm after", list(pe))
cb = it.combinations("abcd", 2)
attempt("comb clamp", cb.__setstate__, (9, 9))
print("comb after", list(cb))
attempt("comb size", cb.__setstate__, (1,))
cw = it.combinations_with_replacement("abc", 2)
attempt("cwr clamp", cw.__setstate__, (-1, 9))
print("cwr after", list(cw))
sl = it.islice("abcdef", 1, None)
attempt("islice str", sl.__setstate__, "x")
attempt("islice ok", sl.__setstate__, 3)
print("islice after", list(sl))
dw = it.dropwhile(bool, [1, 0, 2])
attempt("dropwhile", dw.__setstate__, 1)
print("dropwhile after", list(dw))
tw = it.takewhile(bool, [1, 0, 2])
attempt("takewhile", tw.__setstate__, [])
print("takewhile after", list(tw))
z = it.zip_longest("a", "bcd")
attempt("zip_longest", z.__setstate__, "?")
print("zip_longest after", list(z))
ac = it.accumulate([1, 2, 3])
attempt("accumulate", ac.__setstate__, 10)
print("accumulate after", list(ac))
attempt("count args", it.count(1).__reduce__, 1)
print("count setstate", hasattr(it.count(), "__setstate__"))
