# The methods of random.Random over seeded generators: each prints
# CPython's values for the same seeds.
import random

for seed in range(12):
    r = random.Random(seed)
    print(seed, r.randint(1, 6), r.randrange(10, 1000, 7), r.choice("abcdefgh"),
          r.uniform(-1, 1), r.triangular(0, 10, 3))
    xs = list(range(15))
    r.shuffle(xs)
    print("  shuffle", xs)
    print("  sample", r.sample(range(1000), 6), r.sample(["a", "b", "c", "d"], k=4, counts=[1, 2, 3, 4]))
    print("  choices", r.choices("xyz", k=6), r.choices(range(5), weights=[5, 1, 0, 1, 3], k=5))
    print("  gauss", r.gauss(0, 1), r.normalvariate(10, 2), r.lognormvariate(0, 0.5))
    print("  other", r.expovariate(1.5), r.vonmisesvariate(1, 4), r.gammavariate(2.5, 1),
          r.gammavariate(0.5, 2), r.betavariate(2, 5), r.paretovariate(3), r.weibullvariate(1, 2))
    print("  bytes", r.randbytes(9), r.randrange(2**80), r.binomialvariate(20, 0.3) if hasattr(r, "binomialvariate") else "")

# The module-level functions share one generator.
random.seed(99)
print(random.random(), random.randint(0, 10**30), random.sample(range(50), 3))
