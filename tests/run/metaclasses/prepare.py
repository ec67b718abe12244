class LoggingDict(dict):
    def __setitem__(self, key, value):
        if not key.startswith("__"):
            print("define", key)
        super().__setitem__(key, value)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return LoggingDict(prepared=True)
    def __new__(mcls, name, bases, ns, **kw):
        print("namespace type:", type(ns).__name__)
        return super().__new__(mcls, name, bases, dict(ns))

class K(metaclass=Meta, option=1):
    a = 1
    def f(self):
        pass
    b = a + 1

print(K.prepared, K.a, K.b)

class Ordered(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.order = [k for k in ns if not k.startswith("__")]
        return cls
class Fields(metaclass=Ordered):
    zeta = 1
    alpha = 2
    mid = 3
print(Fields.order)

class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42
try:
    class X(metaclass=BadPrepare):
        pass
except TypeError as e:
    print(type(e).__name__, e)
