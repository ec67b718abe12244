# Metaclasses: __call__ overrides, __new__/__init__ with keywords, the
# class's type, and the errors of __prepare__ and type() itself.
class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            print("creating", cls.__name__, args, kwargs)
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]

class Config(metaclass=Singleton):
    def __init__(self, name, debug=False):
        self.name, self.debug = name, debug

a = Config("app", debug=True)
b = Config("other")
print(a is b, a.name, a.debug, type(Config).__name__, Config.__class__ is Singleton)
print(isinstance(Config, Singleton), isinstance(Config, type), issubclass(Singleton, type))

class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns, tag=None, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        cls.tag = tag
        mcls.classes.append(name)
        return cls
    def __init__(cls, name, bases, ns, tag=None, **kw):
        super().__init__(name, bases, ns, **kw)
        cls.initialised = True

class Base(metaclass=Registry, tag="base"):
    def __init_subclass__(cls, flavour=None, **kw):
        super().__init_subclass__(**kw)
        cls.flavour = flavour

class Child(Base, tag="child", flavour="mint"):
    pass

print(Registry.classes, Base.tag, Child.tag, Child.flavour, Child.initialised, type(Child).__name__)
print(Child.__mro__)

# type(name, bases, dict) picks the most derived metaclass of the bases.
Dyn = type("Dyn", (Base,), {"x": 1})
print(type(Dyn).__name__, Dyn.x, Dyn.tag, Registry.classes[-1])

# Calling type.__new__ directly with a metaclass.
M2 = type.__new__(Registry, "M2", (), {})
print(type(M2).__name__, M2.__name__)

class Other(type):
    pass
class O(metaclass=Other):
    pass
try:
    class Both(Base, O):
        pass
except TypeError as e:
    print("TypeError:", e)

class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42
try:
    class X(metaclass=BadPrepare):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    type("A", (), {}, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    type.__init__(Config, 1, 2)
except TypeError as e:
    print("TypeError:", e)

# A plain function as metaclass.
def meta_fn(name, bases, ns):
    ns["made_by"] = "meta_fn"
    return type(name, bases, ns)
class F(metaclass=meta_fn):
    pass
print(F.made_by, type(F).__name__)

class WithRepr(type):
    def __repr__(cls):
        return f"<class {cls.__name__} via WithRepr>"
    def describe(cls):
        return cls.__name__.lower()
class Shown(metaclass=WithRepr):
    pass
class Sub(Shown):
    pass
print(Shown, [Sub], Sub.describe(), type(Sub).__name__)
try:
    Sub().describe()
except AttributeError as e:
    print("AttributeError:", e)
