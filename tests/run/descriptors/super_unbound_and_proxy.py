# super(C) unbound and bound by __get__, super subclasses filled by
# __init__, the __class__ fallback of supercheck (proxies), the members.
class A:
    def meth(self, a): return "A(%r)" % a
class B(A):
    def __init__(self):
        self.__super = super(B, self)
    def meth(self, a): return "B(%r)" % a + self.__super.meth(a)
class C(A):
    def meth(self, a): return "C(%r)" % a + self.__super.meth(a)
C._C__super = super(C)
print(repr(super(C))[:22], C().meth(3))
s = super(C)
print(s.__thisclass__, s.__self__, s.__self_class__)
s2 = super(C, C())
print(s2.__thisclass__, type(s2.__self__).__name__, s2.__self_class__)
class mysuper(super):
    def __init__(self, *args):
        return super(mysuper, self).__init__(*args)
class E(C):
    def meth(self, a): return "E(%r)" % a + mysuper(E, self).meth(a)
print(E().meth(5))
class F(E):
    def meth(self, a):
        s = self.__super
        return "F(%r)[%s]" % (a, s.__class__.__name__) + s.meth(a)
F._F__super = mysuper(F)
print(F().meth(6))
for args in [(C, 42), (C, A())]:
    try: super(*args); print("ok")
    except TypeError as e: print(e)
for x in (12, A()):
    try: super(C).__get__(x); print("ok")
    except TypeError as e: print(e)
try: super(C, kw=1)
except TypeError as e: print(e)
class Proxy:
    def __init__(self, obj): self.__obj = obj
    def __getattribute__(self, name):
        if name.startswith("_Proxy__"): return object.__getattribute__(self, name)
        return getattr(self.__obj, name)
class P(A):
    def meth(self, a): return "P" + super(P, self).meth(a)
p = Proxy(P())
print(P.__dict__["meth"](p, 1))
print(super(C, C()).__get__(None, C) is not None)
try: super(1)
except TypeError as e: print(e)
