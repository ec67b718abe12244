# Class patterns: __match_args__, keyword sub-patterns, the built-in types
# that match themselves, and every run-time error they raise (subclasses of
# built-in types: subclass_subjects.py).
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class Color(Point):
    __match_args__ = ("x", "y", "color")
    def __init__(self, x, y, color):
        super().__init__(x, y)
        self.color = color

class NoMatchArgs(Point):
    pass

def where(p):
    match p:
        case Color(_, _, "red"):
            return "a red point"
        case Color(x, y, color=c) if c != "blue":
            return f"{c} at {x},{y}"
        case Point(0, 0):
            return "origin"
        case Point(x=0):
            return "on the y axis"
        case Point(x, y) if x == y:
            return "on the diagonal"
        case Point(y=0, x=x):
            return f"on the x axis at {x}"
        case Point():
            return "a point"
        case _:
            return "not a point"

for p in (Point(0, 0), Point(0, 4), Point(2, 2), Point(3, 0), Point(3, 1), Color(1, 1, "red"),
          Color(1, 2, "green"), Color(0, 0, "blue"), NoMatchArgs(5, 5), 7, None):
    print(type(p).__name__, where(p))

# Built-in types whose single positional sub-pattern is the subject itself.
for v in (True, 3, 2.5, "s", [1], (1,), {"a": 1}, {1}, frozenset({2}), None):
    match v:
        case bool(x):
            print("bool", x)
        case int(x):
            print("int", x)
        case float(x):
            print("float", x)
        case str(x):
            print("str", x)
        case list(x) | tuple(x):
            print(type(v).__name__, x)
        case dict(x):
            print("dict", x)
        case set(x) | frozenset(x):
            print(type(v).__name__, sorted(x))
        case _:
            print("no type matched", v)

# Keyword sub-patterns work on any attribute, of any class.
match 3:
    case int(__class__=c):
        print("an int's __class__:", c)

# An attribute that is missing, or whose property raises AttributeError,
# fails the match; other errors propagate.
class Lazy:
    __match_args__ = ("a", "b")
    a = 1
    @property
    def b(self):
        raise AttributeError("b is not ready")
    @property
    def c(self):
        raise KeyError("c")
    def __getattr__(self, name):
        if name == "dynamic":
            return "made up"
        raise AttributeError(name)
match Lazy():
    case Lazy(a, b):
        print("never", a, b)
    case Lazy(a, missing=m):
        print("never", a, m)
    case Lazy(a, dynamic=d):
        print("through __getattr__:", a, d)
try:
    match Lazy():
        case Lazy(c=_):
            pass
except KeyError as e:
    print("KeyError", e)

# Errors, each with CPython's message.
class BadArgs:
    __match_args__ = ["x"]
    x = 1
class BadName:
    __match_args__ = ("x", 2)
    x = 1
class TwoArgs:
    __match_args__ = ("x", "y")
    x = y = 1
def attempt(make_subject, what):
    try:
        match make_subject():
            case Point(1, 2, 3):
                return "never"
            case BadArgs(1):
                return "never"
            case BadName(1, 2):
                return "never"
            case TwoArgs(1, x=1):
                return "never"
            case TwoArgs(x=1, y=1, z=1):
                return "matched"
            case bool(1, 2):
                return "never"
            case NoMatchArgs(1):
                return "never"
    except TypeError as e:
        return f"{what}: TypeError: {e}"
    return f"{what}: no match"

print(attempt(lambda: Point(1, 2), "Point"))
print(attempt(lambda: BadArgs(), "BadArgs"))
print(attempt(lambda: BadName(), "BadName"))
print(attempt(lambda: TwoArgs(), "TwoArgs"))
print(attempt(lambda: True, "True"))
print(attempt(lambda: NoMatchArgs(1, 1), "NoMatchArgs"))
print(attempt(lambda: "none of them", "str"))

# The class is looked up and checked when the pattern is tried.
class Holder:
    value = len
try:
    match []:
        case [] if False:
            pass
        case Holder.value():
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match []:
        case Undefined():
            pass
except NameError as e:
    print("NameError", e)

# isinstance() decides, a metaclass's __instancecheck__ included.
class IntLike(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int)
class Number(metaclass=IntLike):
    __match_args__ = ("__class__",)
for v in (5, "5"):
    match v:
        case Number(c):
            print(repr(v), "is a Number of class", c.__name__)
        case _:
            print(repr(v), "is not a Number")
