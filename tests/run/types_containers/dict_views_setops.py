# Keys and items views are set-like: operators with any iterable on either
# side, comparisons with sets, isdisjoint; values views are not.
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k & {"a", "x"}, {"a", "x"} & k, k & ["b", "q"], ["b", "q"] & k, sorted(k & d.keys()), k & {"a": 0})
print(sorted(k | ["z"]), sorted(["z"] | k), sorted(k - ["a"]), sorted(["a", "q"] - k), sorted(k ^ ["a", "q"]), sorted(("a", "q") ^ k))
print(sorted(i & {("a", 1), ("b", 3)}), sorted(i - {("a", 1)}), sorted(i | {("z", 0)}))
e = {"a": 1, "b": 20, "x": 5}
print(sorted(i ^ e.items()), sorted(e.items() ^ i), sorted(k ^ e.keys()))
n = {1: "a", 2: "b", 3: "c", 9: "z"}
m = {3: 0, 1: 0, 17: 0, 33: 0}
print(n.keys() & m.keys(), m.keys() & n.keys(), n.keys() | m.keys(), m.keys() | n.keys(), n.keys() ^ m.keys(), m.keys() - n.keys())
print(n.keys() & [17, 1, 9, 33], [33, 17, 9] | n.keys(), {33, 17, 1} & n.keys(), {33, 17, 1, 2, 3, 5, 6} & n.keys())
print({(1, 5), (2, 5)} ^ {1: 5, 17: 1}.items(), type(k & k).__name__, type(k - set()).__name__)
print(k == {"a", "b", "c"}, k != {"a"}, k < {"a", "b", "c", "d"}, k <= {"a", "b", "c"}, k > {"a"}, k >= {"a", "b", "c"})
print({"a", "b", "c"} == k, {"a"} < k, frozenset("abc") == k, k == ["a", "b", "c"], k == e.keys(), i == d.items())
print(i == {("a", 1), ("b", 2), ("c", 3)}, v == v, v != v, v == d.values())
for op in ("<", "<=", ">", ">="):
    for expr in ("k" + op + "[1]", "v" + op + "v"):
        try:
            print(eval(expr))
        except TypeError as ex:
            print(type(ex).__name__, ex)
print(k.isdisjoint({"x"}), k.isdisjoint(["a"]), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()))
print(i.isdisjoint([("a", 1)]), i.isdisjoint([("a", 2)]), k.isdisjoint(set("xyzwvutsr")), k.isdisjoint(e.keys()))
for bad in (lambda: k.isdisjoint(1), lambda: k.isdisjoint(), lambda: i.isdisjoint(1, 2),
            lambda: k & 1, lambda: k | 1, lambda: k - 1, lambda: k ^ 1, lambda: 1 - k,
            lambda: v & v, lambda: v - {1}, lambda: hash(k), lambda: hash(i), lambda: k & [[]], lambda: i & [[]]):
    try:
        print(bad())
    except TypeError as ex:
        print(type(ex).__name__, ex)
print(hash(v) == hash(v), "a" in k, ("a", 1) in i, ["a", 1] in i, ("a",) in i, k.__contains__("b"), i.__contains__(("b", 2)))


class SetSub(set):
    pass


print(type(SetSub("ab") & k).__name__, type(k & SetSub("ab")).__name__, type(SetSub("ab") - k).__name__)
