"""functools as library code uses it: memoized recursion through
lru_cache (bounded and unbounded), partial objects as callbacks, reduce
over sequences, and sorting with cmp_to_key.

Size: the scale of every stage (work is linear in it).
Exercises: lru_cache hits and misses with int, str and tuple keys and
keyword arguments, eviction of a bounded cache, partial calls with
positional and keyword arguments, reduce with built-in and Python
functions, cmp_to_key's rich comparisons inside list.sort.
"""

import functools
import operator
import sys

DEFAULT_SIZE = 200000


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    total = 0

    @functools.lru_cache(maxsize=None)
    def ways(n, k):
        if n == 0:
            return 1
        if n < 0 or k == 0:
            return 0
        return (ways(n - k, k) + ways(n, k - 1)) % 1000003

    for n in range(0, size // 500):
        total += ways(n, n)

    @functools.lru_cache(maxsize=256)
    def square(x):
        return x * x

    for i in range(size):
        total += square(i % 300)
        total += square(x=i % 50)

    @functools.lru_cache
    def word(s):
        return len(s) * 3

    words = [str(i % 997) for i in range(size)]
    total += sum(word(w) for w in words)

    scale = functools.partial(operator.mul, 3)
    clamp = functools.partial(min, key=abs)
    for i in range(size):
        total += scale(i) + clamp(i, -i - 1)

    total += functools.reduce(operator.add, range(size))
    total += functools.reduce(lambda a, b: (a * 31 + b) % 1000003, range(size), 7)

    def compare(a, b):
        return (a % 97 > b % 97) - (a % 97 < b % 97) or (a > b) - (a < b)

    items = [(i * 7919) % (size // 4 + 1) for i in range(size // 4)]
    items.sort(key=functools.cmp_to_key(compare))
    total += sum(i * v for i, v in enumerate(items[:1000]))
    print("functools size", size, "checksum", total % 1000000007)


main()
