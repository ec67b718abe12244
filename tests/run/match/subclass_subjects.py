# Subclasses of built-in types as subjects: they inherit being a sequence
# or a mapping, and matching themselves in a class pattern, until they
# define __match_args__.
class MyList(list):
    pass
class MyTuple(tuple):
    pass
class MyDict(dict):
    def __missing__(self, key):
        return "from __missing__"
class LoggingDict(dict):
    def get(self, key, default=None):
        print("  get", repr(key))
        return super().get(key, default)
class Celsius(float):
    pass
class Named(str):
    __match_args__ = ("upper_name",)
    @property
    def upper_name(self):
        return self.upper()

for v in (MyList([1, 2]), MyTuple((1, 2)), MyDict(a=1), LoggingDict(a=1)):
    match v:
        case [a, b]:
            print(type(v).__name__, "sequence", a, b)
        case {"a": a, **rest}:
            print(type(v).__name__, "mapping", a, rest, type(rest).__name__)

match MyDict(a=1):
    case {"b": _}:
        print("never: __missing__ is not used")
    case {"a": 1}:
        print("MyDict without __missing__")

match LoggingDict(x=1, y=2):
    case {"y": 2, "x": x}:
        print("LoggingDict matched", x)

match Celsius(21.5):
    case Celsius(t):
        print("self of a float subclass:", t, type(t).__name__)
match Named("ada"):
    case Named(n):
        print("__match_args__ of a str subclass:", n)
match MyList([3]):
    case list([x]):
        print("list() matches a list subclass:", x)
