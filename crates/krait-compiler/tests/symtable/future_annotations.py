from __future__ import annotations
x: int = 1
def f(a: list[b], *c: C) -> D:
    y: int = 2
    z: (lambda: q)
    return a
class K:
    attr: SomeType
    other: [n for n in ns]
