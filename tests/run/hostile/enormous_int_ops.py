x = 3 ** 100000
print(x.bit_length(), x % (10 ** 9 + 7), x & 0xFFFF, len(hex(x)))
y = x * x
print(y.bit_length(), y // x == x, (y - 1) % x == x - 1)
print(pow(3, 10 ** 6, 10 ** 9 + 7), pow(2, -1, 10 ** 9 + 7))
f = 1
for i in range(2, 3000):
    f *= i
print(f.bit_length(), f % 998244353, f.bit_count())
try:
    print(len(str(f)))
except ValueError as e:
    print(type(e).__name__, e)
print(int("9" * 4300) % 7, -(10 ** 4000) // 3 % 1000)
try:
    int("9" * 4301)
except ValueError as e:
    print(type(e).__name__, e)
print(float(10 ** 308) == 1e308, (10 ** 400) > float("1e308"), 2 ** 1000 < float("inf"))
print((1 << 64) - 1, ~(1 << 64), -(1 << 64) >> 3, (1 << 64) // -7)
