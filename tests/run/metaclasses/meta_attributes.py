class Meta(type):
    meta_attr = "from meta"
    def __getattr__(cls, name):
        return f"{cls.__name__}.{name} (meta __getattr__)"
    def __len__(cls):
        return 99
    def __iter__(cls):
        return iter(cls.values)
    def __getitem__(cls, key):
        return cls.values[key] * 10
    def __repr__(cls):
        return f"<Meta class {cls.__name__}>"
    @property
    def upper_name(cls):
        return cls.__name__.upper()

class Enumish(metaclass=Meta):
    values = [1, 2, 3]
    own = "own"

print(Enumish.meta_attr, Enumish.own)
print(Enumish.missing)
print(len(Enumish), list(Enumish), Enumish[1])
print(Enumish, repr(Enumish))
print(Enumish.upper_name)
try:
    Enumish().meta_attr
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(Enumish(), "upper_name"))

class Meta2(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int)
    def __subclasscheck__(cls, sub):
        return sub is str
class Anything(metaclass=Meta2):
    pass
print(isinstance(5, Anything), isinstance("x", Anything), issubclass(str, Anything), issubclass(int, Anything))
