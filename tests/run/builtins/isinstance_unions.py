print(isinstance(1, int | str), isinstance("s", int | str), isinstance(None, int | None), isinstance(1.0, int | str))
U = int | str | None
print(U, type(U).__name__, U.__args__, (int | str) == (str | int), int | int)
print(issubclass(bool, int | float), issubclass(str, (int, (float, str))))
print(list[int] | None, type(list[int] | None).__name__)
class A: pass
class B(A): pass
print(isinstance(B(), A | int), issubclass(B, A | None), isinstance(A(), B | None))
try:
    isinstance(1, list[int])
except TypeError as e:
    print(type(e).__name__, e)
try:
    int | 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance(1, 5)
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(1, ()), isinstance(int, type), isinstance(type, type), isinstance(type, object), issubclass(type, object))
print(type(None) | int, isinstance(None, type(None)))
