# == and != with int, float and complex (exact for big ints), hashes equal
# to those of equal ints and floats, complex keys, and match.
print(1j == 1j, (1 + 0j) == 1, (1 + 0j) == 1.0, (1 + 0j) == True, 1 == (1 + 0j), 1.0 == 1 + 0j, (1 + 1j) != 1)
print((1 + 0j) == "1", 1j == None, 1j != [], (2 ** 53 + 1) == complex(2 ** 53 + 1), complex(2 ** 53) == 2 ** 53)
print(complex(float("nan")) == complex(float("nan")), 0j == -0j, complex(0, -0.0) == 0, (1e300 * 10 + 0j) == float("inf"))
print(hash(1 + 0j) == hash(1), hash(1.5 + 0j) == hash(1.5), hash(0j) == hash(0), hash(-1 + 0j) == hash(-1))
print(hash(1j), hash(1 + 1j), hash(-1j), hash(2.5 - 3j), hash(complex(float("inf"), 1)), hash(complex(1e300, -1e-300)))
d = {1: "int", 2.5: "float"}
print(d[1 + 0j], d[2.5 + 0j], {1j: 1, 1j * 1: 2}, len({0j, 0, 0.0, False, -0j}))
print(sorted([3 + 0j, 1j, -2], key=abs), max([1 + 1j, 2j, -3], key=lambda c: c.imag), [1j, 2j].index(2j), 2j in [1j, 2j])


def kind(v):
    match v:
        case 0:
            return "zero"
        case 2j:
            return "2j"
        case 1 + 2j:
            return "1+2j"
        case -1 - 1j:
            return "-1-1j"
        case complex(real=r, imag=i) if i:
            return f"complex {r} {i}"
        case float() | int():
            return "real"
        case _:
            return "other"


for v in (0, 0j, 2j, 1 + 2j, -1 - 1j, 3 + 4j, 1.5, None, "2j"):
    print(kind(v))
for f in (lambda: 1j < 2j, lambda: 1j <= 1, lambda: 1.0 > 1j, lambda: sorted([1j, 2j])):
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
