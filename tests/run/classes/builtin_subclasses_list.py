# __subclasses__ of built-in types lists the classes derived from them.
class MyInt(int): pass
class MyList(list): pass
class Meta(type): pass
class E(ValueError): pass
print([c.__name__ for c in MyInt.__mro__[1].__subclasses__() if c.__module__ == '__main__'])
print([c.__name__ for c in list.__subclasses__() if c.__module__ == '__main__'])
print([c.__name__ for c in ValueError.__subclasses__() if c.__module__ == '__main__'])
print([c.__name__ for c in type.__subclasses__(type) if c.__module__ == '__main__'])
class A: pass
class B: pass
class C(A): pass
C.__bases__ = (B,)
print(A.__subclasses__(), [c.__name__ for c in B.__subclasses__()])
class D(MyInt): pass
print([c.__name__ for c in int.__subclasses__() if c.__module__ == '__main__'], MyInt.__subclasses__() == [D])
print(MyInt in object.__subclasses__(), C in object.__subclasses__(), A in object.__subclasses__())
try:
    int.__subclasses__(1)
except TypeError as e:
    print(e)
