# sys.getsizeof calls __sizeof__ (plus a collector header for containers);
# object.__sizeof__ of plain instances and int sizes are CPython's.
import sys


class A:
    pass


class B:
    __slots__ = ("x", "y")


class C(int):
    pass


print(A().__sizeof__(), B().__sizeof__(), object().__sizeof__(), C(5).__sizeof__(), (2 ** 100).__sizeof__())
print(sys.getsizeof(1), sys.getsizeof(2 ** 100), sys.getsizeof(object()), sys.getsizeof([]) > 0, sys.getsizeof("abc") > 0)


class Negative:
    def __sizeof__(self):
        return -1


class NotInt:
    def __sizeof__(self):
        return "x"


class Raises:
    def __sizeof__(self):
        raise TypeError("no size")


for f in (lambda: sys.getsizeof(Negative()), lambda: sys.getsizeof(NotInt()), lambda: sys.getsizeof(Raises()),
          lambda: sys.getsizeof(Raises(), 7), lambda: sys.getsizeof(), lambda: sys.getsizeof(1, 2, 3),
          lambda: object().__sizeof__(1)):
    try:
        print(f())
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)
