class Base:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, val):
        print("Base setter", val)
        self._v = val

class Child(Base):
    @Base.v.getter
    def v(self):
        return self._v * 100

class Child2(Base):
    @property
    def v(self):
        return "read-only override"

c = Child()
c.v = 5
print(c.v)
c2 = Child2()
try:
    c2.v = 5
except AttributeError as e:
    print(type(e).__name__, e)
print(c2.v, Base().v)

class Cached:
    calls = 0
    @property
    def expensive(self):
        Cached.calls += 1
        value = 42
        self.__dict__["expensive"] = value
        return value
x = Cached()
print(x.expensive, x.expensive, Cached.calls)
from functools import cached_property
class CP:
    @cached_property
    def val(self):
        print("computing once")
        return [1]
cp = CP()
print(cp.val, cp.val is cp.val, "val" in cp.__dict__)
del cp.val
print(cp.val)
