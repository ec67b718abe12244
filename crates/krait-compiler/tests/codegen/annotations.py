"""Doc."""
x: int = 1
y: "str"
(z): list = []
obj.attr: float = 2.0
seq[0]: int


def f(a: int, /, b: str = "s", *args: tuple, c: bool, **kw: dict) -> None:
    local: int = 3
    other: str
    return local


class C:
    field: int
    named: str = "n"
    if True:
        nested: bytes


def g(p, *, q: "Q" = None):
    pass
