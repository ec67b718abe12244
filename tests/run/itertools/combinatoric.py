# product, permutations, combinations and combinations_with_replacement:
# orders, r of 0 and r larger than the pool, repeat, counts against the
# formulas, laziness of the pools, and errors.
import itertools as it
from itertools import product, permutations, combinations, combinations_with_replacement as cwr

print(list(product("ab", [1, 2])), list(product()), list(product([])), list(product("ab", [])))
print(list(product("ab", repeat=2)), list(product(range(2), repeat=3))[:5], list(product("ab", repeat=0)))
print(list(product([1, 2], "x", repeat=2)), list(product(1, repeat=0)), len(list(product(range(3), repeat=4))))
print(list(permutations("abc")), list(permutations(range(3), 2)), list(permutations([1, 2], 0)))
print(list(permutations([], 0)), list(permutations([], 1)), list(permutations("ab", 3)), list(permutations("abc", r=None)))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations([], 0)))
print(list(combinations("ab", 0)), list(combinations("ab", 3)), list(combinations("abc", 3)))
print(list(cwr("abc", 2)), list(cwr([], 0)), list(cwr([], 1)), list(cwr("ab", 0)), list(cwr("a", 3)))
print(list(cwr(iterable=range(2), r=3)))

def fact(n):
    return 1 if n < 2 else n * fact(n - 1)
def comb(n, k):
    return fact(n) // (fact(k) * fact(n - k)) if k <= n else 0
for n in range(6):
    for r in range(7):
        p = len(list(permutations(range(n), r)))
        c = len(list(combinations(range(n), r)))
        w = len(list(cwr(range(n), r)))
        assert p == (fact(n) // fact(n - r) if r <= n else 0), (n, r, p)
        assert c == comb(n, r), (n, r, c)
        assert w == comb(n + r - 1, r) if n else w == (r == 0), (n, r, w)
        assert list(combinations(range(n), r)) == sorted(set(tuple(sorted(t)) for t in permutations(range(n), r)))
print("counts ok")
print(sum(1 for _ in permutations(range(7))), sum(1 for _ in product(range(4), repeat=6)))

seen = []
def gen():
    for x in "xy":
        seen.append(x)
        yield x
p = product(gen(), [1])
print(seen, next(p))
pr = product("ab", "cd")
print(next(pr), next(pr), list(pr), list(pr))
pe = permutations([1, 2])
print(next(pe), next(pe), list(pe))
results = list(combinations([[1], [2]], 1))
print(results, results[0][0] is results[1][0])
print(type(product()).__name__, product.__module__, repr(permutations)[:30])

for bad in ["product(1)", "product([], repeat=-1)", "product([], repeat='a')", "product([], x=1)",
            "product([], repeat=2**70)", "product([1], [2], repeat=2**62)", "product([], repeat=1, x=2)",
            "permutations()", "permutations(1)", "permutations([], -1)", "permutations([], 'a')",
            "permutations([], 2**70)", "permutations([], 1, 2)", "permutations(1, 'a')", "permutations([], 1.0)",
            "combinations([])", "combinations([], -1)", "combinations(1, 2)", "combinations([], 'a')",
            "combinations([], None)", "combinations(1, 'a')", "combinations(1, -1)", "combinations()",
            "combinations(r=1)", "combinations([], 1, 2)",
            "cwr([])", "cwr([], -1)", "cwr([], 2**70)", "cwr(1, 1)", "cwr([], r=1, x=2)"]:
    try:
        eval(bad)
        print(bad, "ok")
    except Exception as e:
        print(bad, type(e).__name__, e)
