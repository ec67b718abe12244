# [positions] from __future__ import annotations: annotations become their text.
from __future__ import annotations
x: int = 1
y: list[dict[str, int | None]]
obj.attr: Weird[1 + 2] = 3
def f(a: A, /, b: 'q' = 2, *args: *Ts, c: lambda x: x, **kw: {1: 2}) -> 1e400 ** -2:
    inner: int = 5
    return inner
class C:
    field: tuple[int, ...] = ()
    other: f'{x!r:>{w}}'
