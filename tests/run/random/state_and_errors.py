# getstate/setstate, subclassing, and _random.Random's messages.
import random
import _random

r = random.Random(7)
st = r.getstate()
print(type(st), len(st), st[0], len(st[1]), st[1][:3], st[1][-1], st[2])
a = [r.random() for _ in range(700)]
r.setstate(st)
print(a == [r.random() for _ in range(700)])

R = _random.Random
g = R(5)
inner = g.getstate()
print(len(inner), inner[:2], inner[-1])
g.random()
print(g.getstate()[-1])
g.setstate(inner)
print(g.random() == R(5).random())
print(R(0).random(), R(-0).random() == R(0).random(), R(2**32).random() != R(0).random())

class Mine(R):
    def __init__(self, seed, label):
        super().__init__(seed)
        self.label = label

m = Mine(3, "three")
print(m.label, m.random() == R(3).random(), isinstance(m, R))

class Plain(R):
    pass

print(Plain(4).random() == R(4).random())

tests = ["g.random(1)", "g.seed(1, 2)", "g.seed(x=1)", "g.getrandbits(1.5)", "g.getrandbits(2**40)",
         "g.getrandbits(-1)", "g.getrandbits()", "g.setstate(1)", "g.setstate((1,) * 624)",
         "g.setstate((1,) * 624 + (625,))", "g.setstate((-1,) * 625)", "g.setstate((1.5,) * 625)",
         "g.setstate((1,) * 624 + (1.5,))", "R(1, 2)", "R(x=1)", "g.getstate(1)", "g.seed([])",
         "g.getrandbits('a')", "random.seed([1])", "random.Random().setstate((9, (), None))",
         "random.randrange(0)", "random.choice([])", "random.sample([1, 2], 3)"]
for t in tests:
    try:
        print(t, eval(t))
    except Exception as e:
        print(t, type(e).__name__, e)
print(g.getrandbits(0), R(1).getrandbits(32), R(1).getrandbits(33))
print(R.__module__, R.__name__, _random.Random is random.Random.__mro__[1])
