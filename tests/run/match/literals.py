def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2j:
            return "imaginary"
        case 1 + 2j:
            return "complex"
        case "hello" | "hi":
            return "greeting"
        case b"bytes":
            return "bytes"
        case True:
            return "true"
        case None:
            return "none"
        case _:
            return "other"

for v in (0, 1, 3, -1, 1.5, 2j, 1 + 2j, "hi", b"bytes", True, None, 1.0, 0.0, False, "x", 4):
    print(repr(v), describe(v))
