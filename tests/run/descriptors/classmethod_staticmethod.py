class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"

class MyDate(Date):
    pass

print(Date.from_string("2024-02-29"), MyDate.from_string("1999-12-31"))
print(Date.is_leap(2000), Date.is_leap(1900), MyDate(1, 1, 1).is_leap(2024))

sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)
class K:
    s = sm
    c = cm
print(K.s("abc"), K.c(), K().c())
print(sm.__func__ is len, K.__dict__["s"] is sm)
print(callable(sm))
print(sm("xy"))

bound = Date.from_string
print(bound.__self__ is Date, bound.__func__.__name__)
class Chain:
    @classmethod
    @property
    def name(cls):
        return cls.__name__.lower()
print(Chain.name)
