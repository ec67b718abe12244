x: int = 1
def f(a: list[b], *c: C) -> (lambda: D):
    y: int = 2
    z: (lambda: q)
    w.attr: int
    (v): int
    return a
class K:
    attr: SomeType
    other: [n for n in ns]
