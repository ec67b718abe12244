print(float(), float(1), float("1.5"), float("  -2.5e3 "), float("inf"), float("-Infinity"), float("nan"))
print(float("1_000.5"), float(".5"), float("5."), float("1e-320"), 1e308 * 10, -1e308 * 10)
print(0.1 + 0.2, 0.1 * 3, 1 / 3, 2 / 3, 100.0, 1e16, 1e15, 123456789012345678.0, 1.5e-7, 0.0001)
print(repr(0.1), str(1e22), 1e21, 1.0e-5, 5e-324, 2.5e-324, -0.0, 0.0 == -0.0)
print(3.7 // 1, 3.7 % 1, -3.7 // 1, -3.7 % 1, 7.0 // -2, 7.0 % -2, divmod(5.5, 2))
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (2.0).is_integer(), (2.5).is_integer())
print((255.5).hex(), float.fromhex("0x1.8p1"), float.fromhex("-0x1p-1074"))
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2), round(1e20, -5), round(2.675, 2))
print(int(1e20), int(-1.9), float(2 ** 53 + 1), float(10 ** 22), float(-(10 ** 16) - 1))
for bad in ("", "abc", "1.2.3", "1e", "in f", "0x10", "1__0"):
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    round(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
nan = float("nan")
print(round(float("nan"), 2), round(float("inf"), 1), nan is nan, nan == nan, nan in [nan])
print(sum([0.1] * 10), 1.1 * 1.1, 1e-10 + 1, 4.35 * 100, 0.57 * 100)
