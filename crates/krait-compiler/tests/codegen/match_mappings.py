# match: mapping patterns (keys, **rest), class patterns (positional, [positions]
# keyword, wildcards, nested).
def f(v):
    match v:
        case {}:
            return "empty mapping"
        case {"type": "point", "x": x, "y": y}:
            return x, y
        case {"type": "circle", **rest}:
            return rest
        case {**rest}:
            return rest
        case {1: _, 2.5: b, -3: c, "k": {"inner": d}}:
            return b, c, d
        case {Keys.one: a, mod.Keys.two: b, None: c, True: d}:
            return a, b, c, d
        case {"a": 1, "b": [x, *_], **kw}:
            return x, kw

def g(p):
    match p:
        case Point():
            return "point"
        case Point(0, 0):
            return "origin"
        case Point(x, 0):
            return x
        case Point(x=0, y=y):
            return y
        case Point(_, y=_):
            return "any"
        case Point3(x, y, z=0):
            return x, y
        case mod.Klass(a, _, c, d=_, e=e):
            return a, c, e
        case int(n) | float(n):
            return n
        case str() as s:
            return s
        case Line(Point(x1, y1), Point(x2, y2)):
            return x1, y1, x2, y2
        case Box(items=[Point(x=px), *_]):
            return px
