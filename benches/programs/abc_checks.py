"""isinstance and issubclass against abstract base classes, as library
code checks its arguments: collections.abc hits (cached), misses
(negative cache), registered classes, and a class with a __subclasshook__.

Size: the number of rounds of checks (work is linear in it).
Exercises: ABCMeta.__instancecheck__/__subclasscheck__ and their caches,
register, numbers.Number checks.
"""

import abc
import numbers
import sys
from collections.abc import Iterable, Mapping, Sequence, Sized

DEFAULT_SIZE = 100000


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


class Legacy:
    def area(self):
        return 1


Shape.register(Legacy)


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    values = [[1], (2,), {3: 4}, "five", 6, 7.5, Square(2), Legacy(), b"x", range(3)]
    total = 0
    for i in range(size):
        v = values[i % len(values)]
        total += isinstance(v, Iterable) + 2 * isinstance(v, Mapping) + 4 * isinstance(v, Sequence)
        total += 8 * isinstance(v, Sized) + 16 * isinstance(v, numbers.Number) + 32 * isinstance(v, Shape)
        total += issubclass(type(v), Sequence)
    print("abc size", size, "checksum", total)


main()
