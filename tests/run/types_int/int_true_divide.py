# int / int is correctly rounded for ints of any size (ties to even,
# subnormals, overflow), as CPython's long_true_divide.
print(10 ** 30 / 7, (10 ** 400 + 1) / 10 ** 399, -(2 ** 2000 + 1) / 2 ** 1990, 2 ** 1074 / 2 ** 2148)
print(1 / 2 ** 1074, 1 / 2 ** 1075, 3 / 2 ** 1076, (2 ** 1024 - 2 ** 970 - 1) / 1, 0 / -(10 ** 30), -(10 ** 30) / 10 ** 400)
print((2 ** 53 + 1) / 1, (2 ** 54 + 3) / 2, (2 ** 60 + 2 ** 7) / 1, (2 ** 60 + 2 ** 7 + 1) / 1, (2 ** 60 + 3 * 2 ** 7) / 1)
print(10 ** 20 / 3 ** 40, 3 ** 200 / 7 ** 100, -(7 ** 300) / 3 ** 500, 12345678901234567890123 / -98765432109876543210)
for num, den in ((2 ** 1024, 1), (2 ** 1024 - 2 ** 970, 1), (10 ** 400, 1), (-(10 ** 400), 3), (1, 0), (10 ** 30, 0)):
    try:
        print(num / den)
    except (OverflowError, ZeroDivisionError) as ex:
        print(type(ex).__name__, ex)
seed = 3
out = []
for _ in range(400):
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    a = seed >> (seed % 61)
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    b = (seed >> (seed % 59)) + 1
    out.append(repr((a << (seed % 900)) / (b << (a % 700))))
print(" ".join(out[:8]))
print(len(set(out)), out[-3:])
