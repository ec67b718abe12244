# functools.reduce and functools.cmp_to_key (native).
import operator
from functools import cmp_to_key, reduce

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.add, [], 7), reduce(operator.mul, range(1, 6), 1))
print(reduce(lambda a, b: a + [b], "abc", []), reduce(max, iter([3, 9, 2])))
for bad in [lambda: reduce(operator.add, []), lambda: reduce(operator.add, 5), lambda: reduce(),
            lambda: reduce(len, [1], 2, 3), lambda: reduce(function=len, iterable=[1]),
            lambda: reduce(operator.add, [1, "a"])]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)


def compare(a, b):
    return (a > b) - (a < b)


K = cmp_to_key(compare)
print(sorted([3, 1, 2], key=K), sorted("bca", key=cmp_to_key(lambda a, b: ord(b) - ord(a))))
a, b = K(1), K(2)
print(a < b, a <= b, a == b, a != b, a > b, a >= b, a.obj, K(obj=5).obj)
print(type(K).__name__, type(a).__module__, K.obj)
a.obj = 7
print(a > b)
del a.obj
print(a.obj)
for bad in [lambda: K(1) < 3, lambda: hash(K(1)), lambda: K(), lambda: K(1, 2), lambda: cmp_to_key(),
            lambda: a < b, lambda: cmp_to_key(None)(1) < cmp_to_key(None)(2)]:
    try:
        print(bad())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    class Sub(type(K)):
        pass
except TypeError as e:
    print("TypeError", e)
