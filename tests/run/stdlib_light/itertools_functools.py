import itertools as it
import functools as ft
import operator as op
print(list(it.islice(it.count(10, 5), 4)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat(7, 3)))
print(list(it.chain([1], (2,), "3")), list(it.chain.from_iterable([[1, 2], [3]])))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], op.mul, initial=10)))
print([(k, list(g)) for k, g in it.groupby("aabbbc")], list(it.compress("abcd", [1, 0, 1, 0])))
print(list(it.product("ab", repeat=2)), list(it.permutations([1, 2, 3], 2))[:4], list(it.combinations("abcd", 2))[:3])
print(list(it.combinations_with_replacement("ab", 2)), list(it.zip_longest("ab", [1], fillvalue="-")))
print(list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.pairwise("abcd")), [list(t) for t in it.tee([1, 2], 2)])
print(ft.reduce(op.add, range(10)), ft.reduce(lambda a, b: a * b, [], 1), op.itemgetter(1, 0)("ab"), op.attrgetter("real")(3))
@ft.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(1))
@ft.singledispatch
def describe(x):
    return "object"
@describe.register
def _(x: int):
    return "int"
@describe.register(list)
def _(x):
    return "list"
print(describe(1), describe([]), describe("s"), describe(True))
print(sorted(["b", "A", "c"], key=ft.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
