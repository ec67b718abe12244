class Color:
    RED = "red"
    GREEN = "green"

import enum
class Shape(enum.Enum):
    CIRCLE = 1
    SQUARE = 2

def f(x):
    match x:
        case Color.RED:
            return "red value"
        case Shape.CIRCLE:
            return "circle enum"
        case Shape():
            return f"other shape {x.name}"
        case [1, 2] as whole:
            return f"whole {whole}"
        case [(1 | 2) as small, *_] as seq:
            return f"small {small} in {seq}"
        case {"k": [_, (str() as s)]}:
            return f"nested as {s}"
        case (1 | 2 | 3) as n:
            return f"alt as {n}"
        case _:
            return "nope"

for v in ("red", "green", Shape.CIRCLE, Shape.SQUARE, [1, 2], [2, 9], {"k": [0, "s"]}, 3, 9):
    print(f(v))

match 5:
    case 1 | 2:
        print("no")
    case x if x > 3:
        print("guard capture", x)

def or_binds(v):
    match v:
        case [x, 0] | [0, x]:
            return x
print(or_binds([5, 0]), or_binds([0, 6]), or_binds([1, 1]))
