match subject:
    case [a, *rest]:
        pass
    case {"k": v, **kw}:
        pass
    case Point(x=px, y=0) | Point(px, _) if px > guard:
        pass
    case (1 | 2) as num:
        pass
    case str() | None:
        pass
    case Color.RED:
        pass
def f(s):
    match s:
        case [*_]:
            return 1
        case other:
            return other
