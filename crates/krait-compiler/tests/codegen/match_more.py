# match: private names in a class, tuple subjects, nested matches, walrus and await in guards, loops. [positions]
class K:
    def m(self, v):
        match v:
            case [__x, *__rest] if __x:
                return __x, __rest
            case K(__y=1, z=__z):
                return __z
match *a, b:
    case [x, y, *_]:
        pass
match a, b:
    case (1, 2) | (2, 1):
        pass
def g(v):
    match v:
        case [a]:
            match a:
                case {"k": [1, *_] | [*_, 1] as hit}:
                    print(hit)
                case _ if (w := a):
                    print(w)
        case _:
            pass
def h(v):
    match v:
        case _:
            x = 1
def i(v):
    match v:
        case 1.0 | -0.0 | 0j | "" | None | False:
            pass
        case {"a": {"b": {"c": d}}} | [[[d]]]:
            return d
async def j(v):
    match v:
        case [a, b] if await a:
            return b
lambda v: [x for x in v]
def k(v):
    for x in v:
        match x:
            case 1:
                continue
            case [2, *_]:
                break
            case _:
                return
    else:
        return "done"
