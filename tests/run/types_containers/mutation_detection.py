# Mutation while iterating, merging and sorting: CPython's RuntimeErrors
# and ValueErrors, and hashes reused rather than recomputed.
import weakref


def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__, e)


# A key removed and added during iteration: same size, keys changed.
def del_add(view):
    d = {0: 0}
    out = []
    for x in view(d):
        out.append(x)
        del d[0]
        d[0] = 0
    return out

attempt("keys", lambda: del_add(lambda d: d))
attempt("values", lambda: del_add(lambda d: d.values()))
attempt("items", lambda: del_add(lambda d: d.items()))
attempt("reversed", lambda: del_add(lambda d: reversed(d)))

# After "keys changed" the iterator is finished; after "changed size" the
# error repeats.
d = {1: 1}
it = iter(d)
next(it)
del d[1]
d[2] = 2
attempt("keys changed", lambda: next(it))
attempt("then", lambda: next(it))
d = {1: 1, 2: 2}
it = iter(d)
next(it)
d[3] = 3
attempt("size changed", lambda: next(it))
attempt("again", lambda: next(it))


# An exhausted iterator lets go of its dict.
class D(dict):
    pass

dd = D(a=1)
r = weakref.ref(dd)
it = iter(dd)
print(list(it))
del dd
print("dict freed:", r() is None)


# dict.update from a dict that its keys' __eq__ clears.
class X:
    def __hash__(self):
        return 0
    def __eq__(self, o):
        other.clear()
        return False

other = dict((i, 0) for i in range(1, 50))
other[X()] = 0
attempt("merge", lambda: {X(): 0, 1: 1}.update(other))


# Counting hashes: setdefault, pop, copy, set(d), fromkeys(set) hash once.
class H:
    def __init__(self, v):
        self.v = v
        self.hashes = 0
        self.eqs = 0
    def __hash__(self):
        self.hashes += 1
        return hash(self.v)
    def __eq__(self, o):
        self.eqs += 1
        return isinstance(o, H) and self.v == o.v

keys = [H(i) for i in range(5)]
d = dict.fromkeys(keys)
count = lambda: sum(k.hashes for k in keys)
print("made", count())
s = set(d)
print("set(d)", count())
s.difference(d)
print("difference", count())
s.symmetric_difference_update(d)
print("symmetric_difference_update", count())
dict.fromkeys(set(d))
dict.fromkeys(frozenset(d), 1)
print("fromkeys", count())
d.copy()
dict(d)
{}.update(d)
print("copy, dict, update", count())
print(d == dict.fromkeys(keys), count())
k = H(1)
d.setdefault(k, 5)
print("setdefault", k.hashes, k.eqs)
d.pop(k)
print("pop", k.hashes)


# Sorting: a list changed meanwhile, even back to its old length.
for how in ["append-pop", "append-del", "append-clear", "setslice", "none"]:
    L = [3, 1, 2]
    class K:
        def __init__(self, x):
            self.x = x
        def __lt__(self, o):
            if how == "append-pop":
                L.append(1); L.pop()
            elif how == "append-del":
                L.append(1); del L[:]
            elif how == "append-clear":
                L.append(1); L.clear()
            elif how == "setslice":
                L[:] = [1]
            return self.x < o.x
    attempt(how, lambda: (L.sort(key=K), L)[1])

# A key's __del__ that changes the list is seen too.
data = list(range(10))
class SortKiller:
    def __init__(self, x):
        pass
    def __del__(self):
        del data[:]
        data[:] = range(20)
    def __lt__(self, other):
        return id(self) < id(other)
attempt("mutating del", lambda: data.sort(key=SortKiller))
print(len(data))

# Weak references to sets and frozensets.
s = {1, 2}
fs = frozenset([3])
r, rf = weakref.ref(s), weakref.ref(fs)
p = weakref.proxy(s)
print(r() is s, rf() is fs, len(p), 1 in p)
del s, fs
print(r(), rf())
attempt("dead proxy", lambda: len(p))
