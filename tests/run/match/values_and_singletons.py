# Value patterns compare with ==, singletons (None, True, False) with `is`.
def check(x):
    match x:
        case True:
            return "is True"
        case False:
            return "is False"
        case None:
            return "is None"
        case 0:
            return "== 0"
        case 1:
            return "== 1"
        case -2:
            return "== -2"
        case 2.5:
            return "== 2.5"
        case -0.5:
            return "== -0.5"
        case "":
            return "empty string"
        case "a" "b":
            return "ab (concatenated)"
        case 12345678901234567890:
            return "big int"
        case -12345678901234567890:
            return "negative big int"
        case _:
            return "other"

for v in (True, False, None, 0, 0.0, -0.0, 1, 1.0, -2, -2.0, 2.5, -0.5, "", "ab", "a",
          12345678901234567890, -12345678901234567890, 12345678901234567890.0, [], ()):
    print(repr(v), check(v))

# Dotted names are values looked up each time the pattern is tried.
class Limits:
    low = 1
    high = 10

def classify(n):
    match n:
        case Limits.low:
            return "low"
        case Limits.high:
            return "high"
        case _:
            return "between or outside"

print(classify(1), classify(10), classify(5))
Limits.low = 5
print(classify(1), classify(5))

# The subject is the left operand of ==.
class Eq:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        print(f"  {self.name}.__eq__({other!r})")
        return NotImplemented
    def __repr__(self):
        return self.name
class Values:
    e = Eq("value")
match Eq("subject"):
    case Values.e:
        print("never: both NotImplemented means identity")
    case _:
        print("no match")

# A value that is the subject's own kind of truth is not a singleton.
match 1:
    case True:
        print("never: 1 is not True")
    case 1:
        print("1 matches 1, not True")
match 0.0:
    case False:
        print("never")
    case 0:
        print("0.0 == 0")

# __eq__ that raises.
class Angry:
    def __eq__(self, other):
        raise RuntimeError("no comparing")
try:
    match Angry():
        case 1:
            pass
except RuntimeError as e:
    print("RuntimeError", e)
