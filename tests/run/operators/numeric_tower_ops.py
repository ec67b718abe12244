print(7 / 2, 7 // 2, -7 // 2, 7 % -3, -7 % 3, 7.5 // 2, -7.5 % 2)
print(2 ** 10, 2 ** -1, (-2) ** 3, 10 ** 20, 2.0 ** 0.5, 2 ** 3 ** 2, -2 ** 2)
print(1 + True, True + True, 3 * False, 1 + 1.5, 1 + 2j, (1 + 2j) * (3 - 1j))
print(0.1 + 0.2, 1e16 + 1, 1 / 3, 2 / 3, 1e300 * 1e10, -1e300 * 1e10)
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(-7.5, 2))
print(5 & 3, 5 | 3, 5 ^ 3, 1 << 70, -1 >> 3, 100 >> 2, -100 >> 2)
for f in (lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: divmod(1, 0),
          lambda: 0 ** -1, lambda: 0.0 ** -1, lambda: 1 << -1, lambda: 2.0 ** 10000,
          lambda: 1 & 1.0, lambda: 1.5 % 0):
    try:
        print(f())
    except (ZeroDivisionError, ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print((-8) ** 0.5)
print(pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 7))
print(abs(-3 + 4j), (1j) ** 2, complex(1, 2).conjugate())
