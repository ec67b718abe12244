# match: sequence patterns (unpacking, *rest, *_ by subscript), as-patterns. [positions]
def f(v):
    match v:
        case []:
            return 0
        case [_]:
            return 1
        case [a, b]:
            return a + b
        case (x, y, z):
            return x
        case [first, *rest]:
            return rest
        case [*init, last]:
            return init
        case [a, *mid, b, c]:
            return mid
        case [*_]:
            return 5
        case [_, *_]:
            return 6
        case [head, *_]:
            return head
        case [*_, tail]:
            return tail
        case [a, *_, b]:
            return a, b
        case [0, *_, 0, _, last]:
            return last
        case [[a, b], [c, [d, *e]]]:
            return a, b, c, d, e
        case [1, 2] as whole:
            return whole
        case [(1 | 2) as small, *_] as seq:
            return small, seq
        case [*everything]:
            return everything
        case [_, _, *_, _]:
            return 7

match data:
    case [x, y, *others]:
        print(x, y, others)
    case (a, (b, c)):
        print(a, b, c)
