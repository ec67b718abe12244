# A metaclass's __setattr__/__delattr__/__getattribute__ reaching type's
# own through super(), as enum.EnumType does.
class Meta(type):
    def __setattr__(cls, name, value):
        print("set", name)
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        print("del", name)
        super().__delattr__(name)

    def __getattribute__(cls, name):
        if name == "magic":
            return 42
        return super().__getattribute__(name)


class C(metaclass=Meta):
    x = 1


C.y = 2
print(C.x, C.y, C.magic, C.__name__)
del C.x
print(hasattr(C, "x"), type.__getattribute__(C, "y"))
type.__setattr__(C, "z", 3)
type.__delattr__(C, "y")
print(C.z, hasattr(C, "y"))
try:
    type.__delattr__(C, "missing")
except AttributeError as e:
    print("AttributeError", e)
try:
    type.__setattr__(int, "x", 1)
except TypeError as e:
    print("TypeError", e)
