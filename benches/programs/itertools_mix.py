"""The itertools building blocks: combinatoric generators, slicing and
counting, grouping, teeing and chaining, as library code strings them
together.

Size: the scale of every stage (work is linear in it).
Exercises: product/combinations/permutations tuples, islice over count,
groupby with a key function, tee buffers, chain.from_iterable, accumulate,
zip_longest, compress, starmap, pairwise, takewhile/dropwhile (with
built-in functions and a few lambdas as the callables).
"""

import itertools as it
import sys

DEFAULT_SIZE = 500000


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    side = int((size * 2) ** 0.5)
    total = 0
    for a, b in it.product(range(side), repeat=2):
        total += a ^ b
    n = 8
    while n * (n - 1) * (n - 2) // 6 < size:
        n += 1
    total += sum(c[1] for c in it.combinations(range(n), 3))
    total += sum(p[0] for p in it.islice(it.permutations(range(9)), size))
    total += sum(it.islice(it.count(7, 3), size * 4))
    for key, group in it.groupby(range(size * 2), key=lambda x: x // 5):
        total += key * sum(1 for _ in group)
    left, right = it.tee(range(size * 2))
    total += sum(map(max, left, right))
    total += sum(it.chain.from_iterable(it.repeat(range(50), size // 25)))
    total += sum(it.accumulate(range(size))) % 1000003 + sum(it.accumulate(range(size), min))
    total += sum(a + b for a, b in it.zip_longest(range(size), range(size // 2), fillvalue=1))
    total += sum(it.compress(range(size * 2), it.cycle([1, 0, 0])))
    total += sum(it.starmap(min, it.pairwise(range(size * 2))))
    total += sum(it.takewhile(lambda x: x < size, it.dropwhile(lambda x: x < 10, it.count())))
    print("itertools size", size, "checksum", total)


main()
