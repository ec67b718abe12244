# complex arithmetic with int, float and complex operands, powers,
# division and their errors, unary operators and abs.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

z = 1 + 2j
print(z + 1, 1 + z, z + 1.5, 1.5 - z, z - z, z * 2, 2.0 * z, z * z, z * 1j, True + z)
print(z / 2, 1 / z, z / z, (1 + 2j) / (3 + 4j), (1e300 + 1e300j) / (1e300 + 1e300j), 1j / 1e-300, (4 + 0j) / 2)
print(z ** 2, z ** 0, z ** 1, z ** -3, z ** 0.5, z ** z, z ** 100, 2 ** z, 10 ** 1j, 1j ** 2, 1j ** 3, 0j ** 0)
print((2 + 0j) ** 0.5, (-1 + 0j) ** 0.5, (1 + 1j) ** -1, (1 + 1j) ** 2.5, (1 + 1j) ** 2.0, (1e200 + 1e200j) ** 2)
print((-8) ** 0.5, (-8.0) ** (1 / 3), (-2) ** 1.5, (-1.0) ** 0.25, 4 ** 0.5, (-4.0) ** 2.0)
print(-z, +z, -(-0j), abs(3 + 4j), abs(-5j), abs(complex(float("inf"), float("nan"))), abs(complex(float("nan"), 1)))
print(abs(complex(1e308, 1e308)) if False else abs(complex(1e300, 1e300)), abs(0j), bool(0j), bool(-0j), bool(1e-300j), bool(z))
print(complex(1, float("inf")) * 2, (1e200 + 1e200j) * (1e200 + 1e200j), sum([1j, 2, 3.5]), sum([z] * 3, 0j))
w = 1j
w += 1
w *= 2
w -= 0.5
w /= 2
w **= 2
print(w, pow(2j, 2), pow(z, -1))
for f in (lambda: z // 2, lambda: 2 // z, lambda: z % 2, lambda: 2.0 % z, lambda: divmod(z, 2), lambda: divmod(2, z),
          lambda: z / 0, lambda: z / 0j, lambda: 1 / 0j, lambda: 1.0 / 0j, lambda: 0j ** -1, lambda: 0j ** 1j,
          lambda: 0j ** (1 + 1j), lambda: 0j ** -2.5, lambda: pow(z, 2, 3), lambda: pow(2, z, 3), lambda: pow(2, 3, 1j),
          lambda: pow(2.0, 3, 1j), lambda: z < z, lambda: z >= 1, lambda: 1 > z, lambda: ~z, lambda: z & 1,
          lambda: z << 1, lambda: z @ z, lambda: z + "a", lambda: "a" + z, lambda: z + None, lambda: [1] * z,
          lambda: z * (2 ** 1100), lambda: complex(1, 1) ** 1e10, lambda: complex(2, 0) ** 10000,
          lambda: abs(complex(1e308, 1e308)), lambda: (1e308 + 0j) ** 2, lambda: float("inf") + 1j):
    show(f)
