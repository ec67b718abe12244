# Mapping patterns on dicts and other mappings, without dict subclasses or
# collections (see mappings.py for those).
def describe(m):
    match m:
        case {"kind": "user", "name": str(name), **extra} if not extra:
            return f"plain user {name}"
        case {"kind": "user", "name": name, **extra}:
            return f"user {name} with {sorted(extra)}"
        case {"kind": kind}:
            return f"some {kind}"
        case {}:
            return f"mapping of {len(m)} without kind"
        case _:
            return "not a mapping"

for v in ({"kind": "user", "name": "ada"}, {"name": "bob", "kind": "user", "age": 3, "admin": True},
          {"kind": "user", "name": 5}, {"kind": "file"}, {"kind": None, "x": 1}, {}, {"other": 1},
          [("kind", "user")], "kind", None):
    print(describe(v))

# Extra keys are allowed; **rest is a new dict without the matched keys,
# in the subject's order.
d = {"a": 1, "b": 2, "c": 3, "d": 4}
match d:
    case {"c": c, "a": a, **rest}:
        print(a, c, rest, rest is d)
match d:
    case {**everything}:
        print(everything, everything == d, everything is d)

# Keys are compared as dict keys: 1, 1.0 and True are the same key.
for key in (1, 1.0, True, "1"):
    match {key: "found"}:
        case {1: v}:
            print(repr(key), "matches 1:", v)
        case _:
            print(repr(key), "does not match 1")

# Negative and big keys.
match {-1: "minus one", -12345678901234567890: "big"}:
    case {-1: a, -12345678901234567890: b}:
        print(a, b)

# A value of None is a value: the key is there.
match {"k": None}:
    case {"k": None}:
        print("None value matched")

# Dotted names as keys, and two names for the same key at run time.
class Keys:
    A = "a"
    ALSO_A = "a"
    LIST = [1]
match {"a": 1, "b": 2}:
    case {Keys.A: v}:
        print("dotted key", v)
try:
    match {"a": 1, "b": 2}:
        case {Keys.A: _, Keys.ALSO_A: _}:
            print("never")
except ValueError as e:
    print(type(e).__name__, e)
try:
    match {"a": 1}:
        case {Keys.LIST: _}:
            print("never")
except TypeError as e:
    print(type(e).__name__, e)

# A class's namespace is a mappingproxy: a mapping.
class Config:
    debug = True
    level = 3
match Config.__dict__:
    case {"debug": bool(flag), "level": int(level)}:
        print("mappingproxy", flag, level)
match Config.__dict__:
    case {"debug": _, **rest}:
        print("rest of a mappingproxy is a", type(rest).__name__, rest["level"])

# Values are compared in the pattern's key order, after all keys are found.
log = []
class Loud:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        log.append((self.name, other))
        return True
class Vals:
    x = Loud("x")
    y = Loud("y")
match {"x": 1, "y": 2}:
    case {"y": Vals.y, "x": Vals.x}:
        print("compared", log)
log.clear()
match {"x": 1}:
    case {"y": Vals.y, "x": Vals.x}:
        print("never")
    case _:
        print("a missing key compares nothing:", log)
