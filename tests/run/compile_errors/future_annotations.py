from __future__ import annotations

def f(a: int, b: list[str] | None = None) -> dict[str, int]:
    return {}

print(f.__annotations__)

class C:
    x: UndefinedName
    y: "quoted" = 1
    def m(self) -> C:
        return self
print(C.__annotations__, C.m.__annotations__)
z: some.attribute[0]
print(__annotations__)
def g(*args: int, **kw: str): pass
print(g.__annotations__)
import __future__
print(__future__.annotations.compiler_flag == __future__.CO_FUTURE_ANNOTATIONS)
print(eval("1 + 1"))
