# PEP 584: dict | dict, dict |= mapping or pairs, and subclasses.
d = {"a": 1, "b": 2, "c": 3}
e = {"c": 30, "d": 4}
print(d | e, e | d, d)
x = dict(d)
x |= e
print(x)
x |= [("z", 0), ("a", -1)]
print(x)


class Mapping:
    def keys(self):
        return ["k1", "k2"]

    def __getitem__(self, k):
        return k.upper()


x |= Mapping()
print(x)
for bad in ([1], 1, [(1, 2, 3)], "ab", [[1]], None):
    y = {}
    try:
        y |= bad
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)
for bad in ([("a", 1)], Mapping(), None, 1):
    for expr in (lambda: d | bad, lambda: bad | d):
        try:
            print(expr())
        except TypeError as ex:
            print(type(ex).__name__, ex)


class D(dict):
    pass


dd = D(a=1)
r = dd | {"b": 2}
print(type(r).__name__, r, type({"b": 2} | dd).__name__)
dd |= {"c": 3}
print(type(dd).__name__, dd)


class Own(dict):
    def __or__(self, other):
        return "Own.__or__"

    def __ror__(self, other):
        return "Own.__ror__"


print({} | Own(), Own() | {})


class OnlyKeys(dict):
    def keys(self):
        return ["a"]

    def __iter__(self):
        return iter(["a"])


ok = OnlyKeys(a=1, b=2)
print(dict(ok), {} | ok, dict(ok, extra=0))
same = {"s": 1}
same |= same
print(same, same | same)
