def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return True

for k, v in f.__annotations__.items():
    print(k, v)

def g(x):
    pass
print(g.__annotations__)

x: int = 5
y: str
print(__annotations__)
print(x)
try:
    print(y)
except NameError as e:
    print(type(e).__name__, e)

class C:
    a: int
    b: str = "b"
    def m(self) -> "C":
        return self
print(C.__annotations__)
print(C.m.__annotations__)
print(C.b)
try:
    C.a
except AttributeError as e:
    print(type(e).__name__, e)

def h():
    z: int = 3
    return z
print(h(), h.__annotations__)
