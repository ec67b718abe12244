print(int(), int(3.99), int(-3.99), int("42"), int("  -17  "), int("1_000"), int(True))
print(int("ff", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0), int("z", 36), int("10", 2))
print(int.from_bytes(b"\x01\x00", "big"), (256).to_bytes(2, "little"), (-1).to_bytes(1, "big", signed=True))
print((255).bit_length(), (0).bit_length(), (-8).bit_length(), (7).bit_count(), (10).as_integer_ratio())
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3, divmod(-7, -3))
print(10 ** 18, 2 ** 64, -2 ** 63, 0x7fffffffffffffff + 1, (1 << 100) >> 99)
print(int.__name__, (5).real, (5).imag, (5).numerator, (5).denominator, (5).conjugate())
for bad in ("", "1.5", "abc", "0x", "1__0", "_1", " ", "١٢"):
    try:
        print(repr(bad), int(bad))
    except ValueError as e:
        print(type(e).__name__, e)
for args in (("10", 1), ("10", 37), (10, 10), ("0b1", 16)):
    try:
        print(int(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
print(int("٣"), int("１２"), round(7, -1), round(15, -1), round(25, -1))
