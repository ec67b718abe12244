"""Calling a class whose __init__ is a Python function runs __init__ in
the same loop: the instance, __init__'s return value check, errors and
their tracebacks, defaults and keywords, __new__ and metaclass overrides,
recursion, __del__ and redefinition after the first call."""
import sys
import traceback


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = P(1, 2)
print(type(p).__name__, p.x, p.y)
print([P(i, -i).y for i in range(3)])


class Bad:
    def __init__(self):
        return 5


try:
    Bad()
except TypeError as e:
    print("TypeError", e)


class Raises:
    def __init__(self, v):
        self.v = v
        raise ValueError(v)


def make():
    return Raises(3)


try:
    make()
except ValueError:
    traceback.print_exc(file=sys.stdout)


class Defaults:
    def __init__(self, a, b=10, *, c=20):
        self.s = a + b + c


print(Defaults(1).s, Defaults(1, 2).s, Defaults(1, c=3).s, Defaults(a=4).s)


class WithNew:
    def __new__(cls, v):
        print("new", v)
        return super().__new__(cls)

    def __init__(self, v):
        self.v = v


print(WithNew(7).v)


class Meta(type):
    def __call__(cls, *args):
        print("meta call", args)
        return super().__call__(*args)


class M(metaclass=Meta):
    def __init__(self, a):
        self.a = a


print(M(5).a)


class Gen:
    def __init__(self):
        yield 1


try:
    Gen()
except TypeError as e:
    print("TypeError", e)


class Node:
    def __init__(self, depth):
        self.child = Node(depth - 1) if depth else None


n = Node(30)
print(n.child.child is not None)


class Deep:
    def __init__(self, d):
        self.next = Deep(d + 1)


try:
    Deep(0)
except RecursionError as e:
    print("RecursionError", e)


class Finalized:
    def __init__(self, fail):
        if fail:
            raise KeyError("k")

    def __del__(self):
        print("del")


Finalized(False)
try:
    Finalized(True)
except KeyError:
    print("caught")
print("after")


class Later:
    def __init__(self, a):
        self.a = a


for i in range(3):
    if i == 2:
        def __init__(self, a):
            self.a = a * 100
        Later.__init__ = __init__
    print(Later(i).a)

print(sys._getframe().f_lineno)


class Frames:
    def __init__(self):
        self.caller = sys._getframe(1).f_code.co_name


def maker():
    return Frames().caller


print(maker())
