print((-5).__abs__(), (5).__neg__(), (3).__pow__(2), (3).__rpow__(2), (7).__floordiv__(2))
print(int.__add__(1, 2), int.__mul__(3, 4), (1).__eq__(1.0), (1).__lt__(2.0), (1).__eq__("1"))
print((12).__format__("04d"), (255).__format__("x"), str(-0), repr(10 ** 3))
print(isinstance(True, int), True + 1, True * 10, False - 1, int(True), str(True))
print(sum([True, True, False]), True & False, True | False, True ^ True, ~False, -True)
print(bool(0), bool(-1), bool(10 ** 100), type(True & True).__name__, type(True + True).__name__)
class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"
m = MyInt(5)
print(m, m + 1, type(m + 1).__name__, -m, type(-m).__name__, m == 5, hash(m) == hash(5))
print(int(m), type(int(m)).__name__, MyInt("12", 3), isinstance(m, int))
print((3).__trunc__(), (3).__floor__(), (3).__ceil__(), (3).__round__(), (1234).__round__(-2))
print((10).__sizeof__() > 0, int.from_bytes([1, 2, 3], "big"), (1024).to_bytes(4, "big"))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
