def f(x):
    match x:
        case []:
            return "empty"
        case [_]:
            return "one"
        case [0, *_]:
            return "starts with 0"
        case [*_, 0]:
            return "ends with 0"
        case [[a, b], [c, d]]:
            return f"2x2 {a}{b}{c}{d}"
        case [1, [2, *rest]]:
            return f"nested rest {rest}"
        case (a, b, *_) if isinstance(a, str):
            return f"string head {a}"
        case _:
            return "other"

for v in ([], [9], [0, 1, 2], (3, 0), [[1, 2], [3, 4]], [1, [2, 3, 4]], ("s", 1, 2),
          "ab", b"ab", bytearray(b"ab"), iter([1]), {1, 2}, [1, 2, 3]):
    print(repr(v) if not hasattr(v, "__next__") else "iterator", "->", f(v))

match (1, 2, 3):
    case [a, *b]:
        print(type(b).__name__, b)
match range(5):
    case [0, 1, *r]:
        print("range matched", r)
import collections
match collections.deque([1, 2]):
    case [x, y]:
        print("deque", x, y)
