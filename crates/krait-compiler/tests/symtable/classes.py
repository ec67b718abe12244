def f():
    x = 1
    class C:
        x = 2
        y = x
        def m(self):
            return x, y
        def sup(self):
            return super().sup()
        def cls(self):
            return __class__
    return C
class D:
    __priv = 1
    def __init__(self):
        self.__a = __b
        __c = 1
    class __E:
        __f = 2
        def g(__h):
            import __i.j
            return __h
class _:
    __not_mangled = 1
class __:
    __m = 1
