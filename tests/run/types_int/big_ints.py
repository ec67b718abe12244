a = 2 ** 200
b = 3 ** 120
print(a)
print(b)
print(a * b)
print(a // b, a % b, -a // b, -a % b)
print(a - b, b - a, a + -a)
print(divmod(a, 12345678901234567890))
print(pow(a, b, 10 ** 9 + 7), pow(3, 10 ** 20, 1000))
print(a.bit_length(), (a - 1).bit_count(), a >> 190, (a | b) & 0xFFFF, ~a + a)
print(hex(a), oct(b)[:20], bin(b)[-16:])
print(int(str(b)) == b, int(hex(a), 16) == a)
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(f // (2 ** 47), f % 1000003)
print(float(a), float(-b), a / b, 10 ** 30 / 7)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    10 ** 400 / 1
except OverflowError as e:
    print(type(e).__name__, e)
print((10 ** 400) // (10 ** 399), 10 ** 400 > 1e308, 10 ** 400 == float("inf"))
print(-(2 ** 63) == -9223372036854775808, 2 ** 63 - 1, -(2 ** 64) // 3)
