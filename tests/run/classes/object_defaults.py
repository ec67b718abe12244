class Plain:
    pass

a, b = Plain(), Plain()
print(a == a, a == b, a != b, a.__eq__(b), a.__ne__(a), a.__lt__(b))
print(hash(a) == hash(a), type(hash(a)).__name__, Plain.__hash__ is object.__hash__)
print(repr(a).startswith("<__main__.Plain object at "), str(a) == repr(a), format(a, "") == str(a))
try:
    format(a, "x")
except TypeError as e:
    print(type(e).__name__, e)
print(Plain.__bases__, Plain.__mro__[-1], type(a).__mro__ == Plain.__mro__)
print(sorted(set(dir(a)) - set(dir(object))))
print(Plain.__init__ is object.__init__, Plain.__new__ is object.__new__)
try:
    object.__init__(a, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Plain.__init__(a, 1)
except TypeError as e:
    print(type(e).__name__, e)
print(object().__class__, a.__class__.__name__, a.__module__, a.__dict__, a.__sizeof__() > 0)
print(object.__subclasshook__(), Plain.__init_subclass__ is not None, a.__reduce_ex__(2)[0].__name__)
print(a.__getattribute__("__class__") is Plain, object.__getattribute__(a, "__dict__"))
try:
    object.__setattr__(1, "x", 1)
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
