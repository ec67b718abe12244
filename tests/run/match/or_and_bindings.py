# Or-patterns binding the same names in different orders (the compiler
# rotates the captured values into one order), as-patterns, and when names
# are bound.
def orders(v):
    match v:
        case [a, b, c, "abc"] | [b, c, a, "bca"] | [c, a, b, "cab"] | {"a": a, "b": b, "c": c}:
            return f"a={a} b={b} c={c}"
        case (x, [y, z]) | (z, (y, x), "rev") | [[z, y], x, _, _]:
            return f"x={x} y={y} z={z}"
        case _:
            return "no match"

for v in ([1, 2, 3, "abc"], [1, 2, 3, "bca"], [1, 2, 3, "cab"], {"c": 3, "b": 2, "a": 1},
          (1, [2, 3]), (1, (2, 3), "rev"), [[1, 2], 3, 4, 5], [1, 2, 3, "xyz"]):
    print(v, "->", orders(v))

# Alternatives are tried left to right, each from scratch.
def first(v):
    match v:
        case [x, 1] | [1, x] | [x, _]:
            return x
print(first([5, 1]), first([1, 5]), first([7, 8]), first([1, 1]), first("no"))

# Or-patterns nested in sequences, mappings and classes, with as.
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def nested(v):
    match v:
        case [("a" | "b") as letter, (1 | 2 | 3) as digit]:
            return f"letter {letter} digit {digit}"
        case {"k": (P(x, 0) | P(0, x)) as p}:
            return f"P on an axis at {x} ({p.x},{p.y})"
        case P(x=[*_, (0 | None) as last] as seq):
            return f"x ends with {last!r} in {seq}"
        case (((1 | 2) | (3 | 4)) | 5) as n:
            return f"small {n}"
        case _:
            return "other"

for v in (["a", 2], ["c", 2], ["b", 4], {"k": P(3, 0)}, {"k": P(0, 4)}, {"k": P(1, 1)},
          P([1, 0], 0), P([1, None], 0), P([], 0), 3, 5, 6):
    print(nested(v))

# Captures are stored only when the whole pattern (not the guard) matches.
a = b = "unbound"
match [1, 2]:
    case [a, 3]:
        pass
    case [b, c] if c > 5:
        pass
print("after failed case and guard:", a, b, c)

match (1, 2, 3):
    case (x, y, 4) | (y, x, 5):
        print("never")
    case _:
        pass
print("x and y not bound by failed alternatives:", "x" in dir(), "y" in dir())

# Captures in functions are locals; in classes, class attributes.
def local_capture(v):
    match v:
        case [first_item, *others]:
            pass
    return first_item, others
print(local_capture([1, 2, 3]))
try:
    local_capture([])
except UnboundLocalError as e:
    print("UnboundLocalError", e)

class Settings:
    match {"mode": "fast", "level": 2}:
        case {"mode": mode, "level": level}:
            pass
print(Settings.mode, Settings.level)

def closure(v):
    match v:
        case {"n": n}:
            return lambda: n * 2
print(closure({"n": 21})())

def uses_global(v):
    global g
    match v:
        case [g]:
            pass
uses_global([42])
print("global capture", g)

def uses_nonlocal():
    state = None
    def inner(v):
        nonlocal state
        match v:
            case state:
                pass
    inner("set by a capture pattern")
    return state
print(uses_nonlocal())

# The guard sees the captures; a walrus in a guard binds too.
match [3, 4]:
    case [p, q] if (total := p + q) > 10:
        print("never")
    case [p, q] if (total := p * q) > 10:
        print("product", total)

# match inside a generator, and a guard that yields.
def gen(items):
    for item in items:
        match item:
            case int(n) if (yield n):
                print("sent back for", n)
            case str(s):
                yield s.upper()
g2 = gen([1, "x", 2])
print(next(g2), g2.send(None), next(g2))
