# A class's __name__ and __qualname__ are the same str object on each read
# (CPython's ht_name / ht_qualname), also after assignment; so
# inspect.classify_class_attrs keeps them for an Enum.
import enum
import inspect


class Outer:
    class Inner:
        pass


for cls in (Outer, Outer.Inner, type("Dyn", (), {})):
    print(cls.__name__, cls.__qualname__, cls.__name__ is cls.__name__, cls.__qualname__ is cls.__qualname__)
Outer.Inner.__name__ = "Renamed"
Outer.Inner.__qualname__ = "Some.Where"
print(Outer.Inner.__name__, Outer.Inner.__qualname__, Outer.Inner.__qualname__ is Outer.Inner.__qualname__)


class Color(enum.Enum):
    RED = 1
    GREEN = 2


print(sorted(a.name for a in inspect.classify_class_attrs(Color)))
print([(a.name, a.kind, a.defining_class.__name__) for a in inspect.classify_class_attrs(Color) if a.name in ("__name__", "__qualname__")])
