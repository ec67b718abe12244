# property's __doc__ is writable, subclasses keep docstrings in their
# instance dict, copies are made by the property's own type, and the
# error messages name the owner's qualified name.

class PropertySub(property):
    """a subclass of property"""

class PropertySubSlots(property):
    """with slots"""
    __slots__ = ()

p = property(doc='basic')
print(p.__doc__)
p.__doc__ = 'extended'
print(p.__doc__)
del p.__doc__
print(p.__doc__)

class Foo:
    @PropertySub
    def spam(self):
        """a docstring"""
        return 1
    @spam.getter
    def spam(self):
        """a new docstring"""
        return 2
print(type(Foo.spam).__name__, Foo.spam.__doc__, Foo().spam)
print(sorted(vars(Foo.spam)))

class Base:
    @property
    def g(self):
        "Base.getter"
        return 1
class Sub(Base):
    @Base.g.getter
    def g(self):
        "Sub.getter"
        return 2
print(Sub.g.__doc__, Sub().g)

try:
    class Bar:
        @PropertySubSlots
        def spam(self):
            """cannot be stored"""
except AttributeError as e:
    print("AttributeError", e)

# 3.11 drops a given doc= that cannot be stored, but not a getter's.
print(PropertySubSlots(None, None, None, 'x').__doc__)
try:
    PropertySubSlots(lambda self: 3)
except AttributeError as e:
    print("AttributeError", e)

for val in (True, False, [], [1], '', '1'):
    def foo(self):
        pass
    foo.__isabstractmethod__ = val
    print(repr(val), property(foo).__isabstractmethod__)
print(property().__isabstractmethod__)

for n in (0, 1, 3):
    try:
        property().__set_name__(*([0] * n))
    except TypeError as e:
        print(e)

class Outer:
    class cls:
        foo = property()
        bar = property(lambda self: 1)
    cls.baz = property()
obj = Outer.cls()
for op in ("get", "set", "del"):
    for name in ("foo", "baz"):
        try:
            if op == "get":
                getattr(obj, name)
            elif op == "set":
                setattr(obj, name, 1)
            else:
                delattr(obj, name)
        except AttributeError as e:
            print(e)

print(Outer.cls.__dict__['bar'].__get__(None, Outer.cls) is Outer.cls.__dict__['bar'])
print(type(property.__dict__['__doc__']).__name__, type(property.__dict__['fget']).__name__)

class pro(property):
    def __new__(typ, *args, **kwargs):
        return "abcdef"
class A:
    pass
p = property.__new__(pro)
p.__set_name__(A, 1)
print(p.getter(lambda self: 1))
