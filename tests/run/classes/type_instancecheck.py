# type.__instancecheck__ and type.__subclasscheck__: what isinstance and
# issubclass do without a metaclass's override (super() from one).
class Meta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", cls.__name__, type(obj).__name__)
        return super().__instancecheck__(obj)

    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return super().__subclasscheck__(sub)


class A(metaclass=Meta):
    pass


class B(A):
    pass


print(isinstance(B(), A), isinstance(1, A), issubclass(B, A), issubclass(int, A))
print(type.__instancecheck__(int, True), type.__subclasscheck__(int, bool), type.__subclasscheck__(int, str))
print(type.__instancecheck__, type.__dict__["__subclasscheck__"])
for bad in [lambda: type.__instancecheck__(int), lambda: type.__subclasscheck__(int, 1),
            lambda: type.__instancecheck__(int, 1, 2), lambda: type.__instancecheck__(1, 1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
