# Subclasses of the built-in containers: overridden dunders win over the
# built-in's own operations, the others are the built-in's.
class LoudDict(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v * 10)
    def __delitem__(self, k):
        print("del", k)
        super().__delitem__(k)
    def __contains__(self, k):
        return k == "magic" or super().__contains__(k)
d = LoudDict(a=1)
d["b"] = 2
print(d, "magic" in d, "a" in d, "z" in d)
del d["a"]
print(d)
try:
    del d["nope"]
except KeyError as e:
    print("KeyError", e)

class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for w in "the cat the hat the end".split():
    c[w] = c[w] + 1
print(sorted(c.items()), c["zzz"], c.get("zzz"))

class LoudList(list):
    def __setitem__(self, i, v):
        print("setitem", i, v)
        super().__setitem__(i, v)
l = LoudList([1, 2, 3])
l[0] = 9
l[1:] = [7]
print(l, l + [1], l * 2, type(l + [1]).__name__)
del l[0]
print(l)

class Tagged(list):
    pass
t = Tagged([3, 1, 2])
t.tag = "x"
t.sort()
t += [0]
print(t, t.tag, type(t).__name__, t.__dict__)
t *= 2
print(t, type(t).__name__)

class Money(int):
    def __repr__(self):
        return f"${int(self)}"
m = Money(5)
print(m, repr(m), m + 1, m * 2, -m, m == 5, m < 6, hash(m) == hash(5), {m: "five"}[5], [0] * m)
print(isinstance(m, int), type(m).__mro__)

class Name(str):
    def __eq__(self, other):
        return str.__eq__(self.lower(), other.lower())
    __hash__ = str.__hash__
n = Name("Alice")
print(n == "ALICE", n != "bob", n.upper(), n[1:], "li" in n, f"{n!r}", str(n), type(str(n)).__name__)

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def swap(self):
        return Pair(self[1], self[0])
p = Pair(1, 2)
print(p, p.swap(), p + (3,), len(p), p == (1, 2), hash(p) == hash((1, 2)))
x, y = p
print(x, y)

class Temp(float):
    def __str__(self):
        return f"{float(self)} degrees"
t = Temp(36.6)
print(t, repr(t), t + 1, round(t), int(t), t * 2 > 70, float(t))

class Bag(set):
    def add_all(self, *xs):
        for x in xs:
            self.add(x)
        return self
print(sorted(Bag([1]).add_all(2, 3)), Bag() == set(), len(Bag("aab")))

for base in (bool, type(None), range, slice):
    try:
        class Bad(base):
            pass
    except TypeError as e:
        print(e)

# An int subclass's instance works wherever an int does.
class Small(int):
    pass
s = Small(3)
print(list(range(s)), [10, 20, 30, 40][s], "ab" * Small(2), s + Small(2), type(s + 1).__name__, -s, s // 2, hex(Small(255)))
print(Small(2 ** 70) > 2 ** 69, divmod(Small(7), 2), round(Small(15), -1), [0] * Small(2), (1, 2, 3)[Small(-1)])
