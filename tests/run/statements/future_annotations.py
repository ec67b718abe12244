# from __future__ import annotations: every annotation is kept as its text,
# written as CPython's compiler writes it back from the tree.
from __future__ import annotations
import sys

def f(a: int, b: list[int] = [], *args: tuple[int, ...], c: 'str' = None, **kw: dict[str, int | None]) -> A.B[C]: pass
print(sorted(f.__annotations__.items()))

class K:
    x: int
    y: Optional[List[Tuple[int, str]]] = None
    z: Callable[[int, str], bool]
    w: (1, 2)
    v: 1 + 2 * 3 ** -4 ** 5
    u: (a if b else c)
    t: lambda x, *y, z=1, **k: x
    s: not a and b or c
    r: a < b <= c is not d not in e
    q: f'{x!r:>{w}} {y}'
    p: b'bytes' + 'str' + u'uni'
    o: [1, *x] + {1, 2} + {**d, 'k': v}
    n: [x for x in y if x] + {k: v for k, v in z} + (x async for x in y)
    m: 1e400 + -1e400j + 0.5 + 10**100
    l: a[1:2, ::3] + a[:] + a[1:] + a[x, y] + a[()]
    j: ...
    i: 3 .real + (1).imag
    h: ~a - -b + +c
    g: a @ b // c % d << e >> f | g ^ h & i
    d: f(a, *b, c=1, **d)
    c2: f(x for x in y)
    a2: "quote's" + 'dq"' + '\n\t\x00é😀'
print(sorted(K.__annotations__.items()))

def g(*x: *Ts) -> None: pass
print(g.__annotations__)
x: A[*B] = 1
print(__annotations__)
