x: int = 1
y: "str"
def f(a: int, /, b: str = "s", *args: tuple, c: bool, **kw: dict) -> None:
    local: int = 3
    return local
class C:
    field: int
    named: str = "n"
print(__annotations__, f.__annotations__, C.__annotations__, f(1, c=True))
def g(): pass
print(g.__annotations__, x)
