# Hostile uses: iterators that raise midway, re-entrant next() calls from
# inside callbacks, a tee whose source reads the tee itself, huge counts,
# long tee chains freed at once, and objects changing while iterated.
import itertools as it
import sys

class Boom(Exception):
    pass

def raising(n):
    yield from range(n)
    raise Boom("after %d" % n)

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

attempt("chain", lambda: list(it.chain([0], raising(2), [9])))
c = it.chain(raising(1), [5])
print(next(c))
attempt("chain again", lambda: next(c))
print("chain after error", list(c))
attempt("cycle", lambda: list(it.islice(it.cycle(raising(2)), 5)))
attempt("accumulate", lambda: list(it.accumulate(raising(3))))
attempt("compress data", lambda: list(it.compress(raising(2), it.repeat(1))))
attempt("compress selectors", lambda: list(it.compress(it.count(), raising(2))))
attempt("dropwhile", lambda: list(it.dropwhile(lambda x: x < 1, raising(3))))
attempt("takewhile", lambda: list(it.takewhile(lambda x: True, raising(3))))
attempt("filterfalse", lambda: list(it.filterfalse(None, raising(3))))
attempt("starmap", lambda: list(it.starmap(lambda x: x, ((i,) for i in raising(2)))))
s = it.islice(raising(3), 5)
attempt("islice", lambda: list(s))
print("islice after error", list(s))
p = it.pairwise(raising(3))
attempt("pairwise", lambda: list(p))
print("pairwise after error", list(p))
z = it.zip_longest("abc", raising(1))
attempt("zip_longest", lambda: list(z))
print("zip_longest after error", list(z))
attempt("groupby", lambda: [(k, list(g)) for k, g in it.groupby(raising(3), lambda x: x // 2)])
g = it.groupby(raising(2))
k, grp = next(g)
attempt("grouper", lambda: list(grp))
a, b = it.tee(raising(2))
attempt("tee a", lambda: list(a))
attempt("tee b", lambda: list(b))
attempt("product", lambda: list(it.product([1], raising(1))))
attempt("permutations", lambda: list(it.permutations(raising(2))))
attempt("combinations", lambda: list(it.combinations(raising(2), 1)))
attempt("cwr", lambda: list(it.combinations_with_replacement(raising(2), 1)))
attempt("key raises", lambda: list(it.groupby([1, 2], lambda x: 1 / (x - 2))))
attempt("predicate raises", lambda: list(it.takewhile(lambda x: 1 / x, [2, 1, 0])))
attempt("selector truth raises", lambda: list(it.compress([1], [type("B", (), {"__bool__": lambda s: 1 / 0})()])))

def show(x):
    """Groupers by type name, not address."""
    if isinstance(x, list):
        return [show(i) for i in x]
    if isinstance(x, tuple) and len(x) == 2 and type(x[1]) is it._grouper:
        return (x[0], "grouper")
    return x

# Re-entrant next(): a callback advancing the very iterator that called it.
def reenter(label, make):
    holder = []
    def callback(*args):
        if len(holder) < 3:
            holder.append(None)
            try:
                holder.append(next(holder[0]))
            except StopIteration:
                holder.append("stop")
            except Exception as e:
                holder.append(type(e).__name__)
        return args[0] if args else True
    obj = make(callback)
    holder.insert(0, obj)
    try:
        out = list(obj)
    except Exception as e:
        out = type(e).__name__ + ": " + str(e)
    print(label, show(out), show(holder[1:]))
reenter("dropwhile", lambda f: it.dropwhile(f, range(6)))
reenter("takewhile", lambda f: it.takewhile(f, range(6)))
reenter("filterfalse", lambda f: it.filterfalse(lambda x: not f(x), range(6)))
reenter("starmap", lambda f: it.starmap(f, [(i,) for i in range(6)]))
reenter("accumulate", lambda f: it.accumulate(range(6), f))
reenter("groupby", lambda f: it.groupby(range(6), f))
reenter("chain", lambda f: it.chain.from_iterable(map(lambda x: [f(x)], range(6))))
reenter("islice", lambda f: it.islice(map(f, range(10)), 1, 8, 2))
reenter("pairwise", lambda f: it.pairwise(map(f, range(6))))
reenter("zip_longest", lambda f: it.zip_longest(map(f, range(4)), "ab"))
reenter("cycle", lambda f: it.islice(it.cycle(map(f, range(3))), 8))
reenter("compress", lambda f: it.compress(range(6), map(f, [1, 0, 1, 1, 0, 1])))

# A tee whose source reads the tee: CPython's RuntimeError.
def feedback():
    yield 1
    yield next(t1)
t1, t2 = it.tee(feedback())
print(next(t1))
attempt("tee re-entered", lambda: next(t1))
print(list(t2))

# A groupby whose key function advances the groupby.
def sneaky_key(x):
    if x == 2:
        print("inner", [k for k, _ in it.islice(gb, 1)])
    return x
gb = it.groupby([1, 2, 2, 3, 3, 4], sneaky_key)
print([(k, list(v)) for k, v in gb])

# Huge counts and sizes.
c = it.count(sys.maxsize - 2)
print([next(c) for _ in range(4)], repr(c))
print(list(it.islice(it.count(10**30, 10**29), 3)))
r = it.repeat(0, sys.maxsize)
print(r.__length_hint__(), next(r), r.__length_hint__())
print(list(it.islice(range(10), sys.maxsize)), list(it.islice(range(10), sys.maxsize - 1, None)))
s = it.islice(it.count(), 5, None, sys.maxsize)
print(next(s), next(s), list(it.islice(it.count(), 2, 10, sys.maxsize)))
print(next(it.product(range(2), repeat=10000))[:3], len(next(it.combinations(range(3000), 2999))))
for label, f in [("product", lambda: it.product([1, 2], repeat=2**40)), ("tee", lambda: it.tee([], 2**40)),
                 ("combinations", lambda: it.combinations([], 2**40)),
                 ("cwr", lambda: it.combinations_with_replacement([1], 2**40)),
                 ("permutations", lambda: it.permutations([], 2**40))]:
    attempt(label, lambda: type(f()).__name__)

# A tee far behind its twin holds thousands of links; freeing it frees them all.
a, b = it.tee(range(300000))
print(sum(a))
del b
a, b = it.tee(iter(range(200000)))
for _ in a:
    pass
print(next(b), sum(b))

# Lists changing while consumed.
lst = [1, 2, 3]
c = it.cycle(lst)
print(next(c), next(c))
lst.append(4)
print(list(it.islice(c, 6)))
lst = [0, 1]
for x in it.chain(lst, lst):
    if len(lst) < 5:
        lst.append(x + 10)
print(lst)
