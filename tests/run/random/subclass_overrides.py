# Classes derived from random.Random that override random() or
# getrandbits(): random.py's __init_subclass__ picks _randbelow from what
# they define, and the native generator underneath still seeds as CPython.
import random

class OwnRandom(random.Random):
    def random(self):
        return 0.5

class OwnBits(random.Random):
    calls = 0
    def getrandbits(self, k):
        OwnBits.calls += 1
        return super().getrandbits(k)

class Counting(random.Random):
    def seed(self, a=None, version=2):
        self.seeded = a
        super().seed(a, version)

a = OwnRandom(3)
print(a.randrange(10), a.choice("abc"), a.uniform(0, 4), a.getrandbits(8))
b = OwnBits(3)
print([b.randrange(1000) for _ in range(5)], OwnBits.calls > 0)
c = Counting(11)
print(c.seeded, c.random(), c.gauss_next, c.getstate()[2])
c.seed("again")
print(c.seeded, c.random())
print(random.Random(3).randrange(1000), OwnRandom(3).getrandbits(32) == random.Random(3).getrandbits(32))

# Pickling round-trips the state through __reduce__/getstate.
import pickle
r = random.Random(42)
r.random()
r2 = pickle.loads(pickle.dumps(r))
print(type(r2).__name__, r2.random() == r.random(), r2.getstate() == r.getstate())

import copy
r3 = copy.deepcopy(r)
print(r3.random() == r.random())
