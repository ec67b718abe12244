class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.created_by = mcls.__name__
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args)

class A(metaclass=Meta):
    x = 1
    def m(self): pass

class B(A, flag=True):
    y = 2

print(type(A).__name__, type(B).__name__, B.created_by)
b = B()
print(type(b).__name__, isinstance(B, Meta), isinstance(b, Meta))

class Meta2(type):
    def describe(cls):
        return f"<class {cls.__name__}>"
class C(metaclass=Meta2):
    pass
print(C.describe())
try:
    C().describe()
except AttributeError as e:
    print(type(e).__name__, e)
