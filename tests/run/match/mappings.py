def f(x):
    match x:
        case {"type": "point", "x": px, "y": py}:
            return f"point {px},{py}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} extra={rest}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "mapping without type"
        case _:
            return "not a mapping"

for v in ({"type": "point", "x": 1, "y": 2, "z": 9}, {"type": "circle", "r": 3, "color": "red"},
          {"type": "hex"}, {}, {"other": 1}, [("type", "point")], "type"):
    print(f(v))

class Lookups(dict):
    def __missing__(self, key):
        return "should not be used by match"
match Lookups(a=1):
    case {"b": _}:
        print("matched b")
    case {"a": v}:
        print("matched a", v)

from collections import defaultdict
d = defaultdict(int, {"k": 1})
match d:
    case {"missing": _}:
        print("wrong")
    case {"k": v}:
        print("defaultdict", v, dict(d))
KEY = "dyn"
class Keys:
    dyn = "name"
match {"name": "value"}:
    case {Keys.dyn: val}:
        print("dotted key", val)
class Same:
    one = "a"
    two = "a"
try:
    match {"a": 1}:
        case {Same.one: 1, Same.two: 1}:
            print("matched a repeated value key")
        case _:
            print("a repeated value key does not match")
except ValueError as e:
    print(type(e).__name__, e)
try:
    compile('match x:\n    case {"a": 1, "a": 2}:\n        pass\n', "<m>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
