"""Module docstring."""


class Empty:
    pass


class Point:
    "A point."
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.__y = y

    def norm(self):
        return self.x ** 2 + self.__y ** 2

    def __private(self):
        del self.x
        return __name__


def deco(c):
    return c


@deco
class Child(Point, Empty, flag=True):
    def method(self):
        return super().norm() + __class__.dims

    class Inner:
        def f(self):
            return Inner


def make():
    y = 1
    class Local:
        x = y
        def get(self):
            return y
    return Local
