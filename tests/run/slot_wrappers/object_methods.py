# object's own methods that are not slots: the pickling protocol's
# __reduce_ex__/__reduce__/__getstate__, __subclasshook__,
# __init_subclass__, __sizeof__, __format__ and __dir__.
class Plain:
    pass

class Slotted:
    __slots__ = ("a", "b")

class Both:
    __slots__ = ("s", "__dict__")

class Custom:
    def __reduce__(self):
        return (Custom, ())

class WithArgs:
    def __init__(self, n):
        self.n = n
    def __getnewargs__(self):
        return (self.n,)

class WithState:
    def __getstate__(self):
        return {"custom": True}

p = Plain()
print(p.__getstate__(), p.__reduce_ex__(2)[1:], p.__reduce_ex__(2)[0].__name__)
p.x = [1]
r = p.__reduce_ex__(4)
print(r[0].__name__, r[1], r[2], r[3], r[4], r[2] is not p.__dict__)
s = Slotted()
s.a = 1
print(s.__getstate__(), s.__reduce_ex__(2)[2])
b = Both()
b.s, b.d = 1, 2
print(b.__getstate__())
print(Custom().__reduce_ex__(2), WithArgs(7).__reduce_ex__(2)[1:3], WithState().__reduce_ex__(3)[2])
red = p.__reduce_ex__(1)
print(red[0].__name__, red[1], red[2])
print(p.__reduce__()[0].__name__, object().__reduce_ex__(2)[1:])
try:
    iter([]).__reduce_ex__  # a built-in with its own __reduce__
    object.__reduce_ex__(object.__new__(Plain), 2)
    print("ok")
except TypeError as e:
    print(type(e).__name__, e)

print(object.__subclasshook__(), object.__subclasshook__(int), Plain.__subclasshook__(Plain))
print(Plain.__init_subclass__(), object.__init_subclass__())
class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
        super().__init_subclass__()
class Child(Base, flag=1):
    pass
try:
    class Bad(Plain, flag=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

print(object().__sizeof__() > 0, p.__sizeof__() >= object().__sizeof__(), type(s.__sizeof__()).__name__)
print(format(p, "") == str(p), object.__format__(5, ""), (5).__format__("03"))
try:
    object.__format__(p, "x")
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(p.__dir__()) == dir(p), "x" in p.__dir__(), "__reduce_ex__" in dir(p), "a" in dir(s))
print(p.__class__.__name__, object.__dict__["__class__"].__get__(p).__name__)
try:
    del p.__class__
except TypeError as e:
    print(type(e).__name__, e)
