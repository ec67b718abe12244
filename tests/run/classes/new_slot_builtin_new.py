# A built-in __new__ assigned in a class body leaves tp_new as inherited (update_one_slot special case)
def t(f, *a):
    try:
        r = f(*a)
        print("ok", type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)
t(object.__new__)
t(object.__new__, '')
t(list.__new__, object)
t(object.__new__, list)
class C(object):
    __new__ = list.__new__
t(C)
class C(list):
    __new__ = object.__new__
t(C)
class A(object):
    def __new__(cls, *args, **kwargs):
        raise AssertionError
t(A)
class B(A):
    __new__ = object.__new__
    def __init__(self, foo):
        self.foo = foo
t(B, 3)
del B.__new__
t(B, 3)
del A.__new__
t(B, 3)
