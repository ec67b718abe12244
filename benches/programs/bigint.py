"""Big integers: factorials, decimal conversion, huge products and quotients.

Size: rounds (work is linear in it). Each round computes 20000! with
math.factorial and with a Python product loop, converts a 100,000-digit
int to str and the str back to int, and multiplies and divides ints of
tens of thousands of digits.
Exercises: big-integer multiplication by small and huge factors, floor
division and modulo of huge ints, int -> str and str -> int conversion
of 100,000 digits (CPython 3.11 limits both to 4300 digits unless
sys.set_int_max_str_digits(0) lifts the limit; both are quadratic there).
"""

import math
import sys

DEFAULT_SIZE = 2
FACT_N = 20000


def product(lo, hi):
    """lo * (lo + 1) * ... * hi, one multiplication at a time."""
    p = 1
    for k in range(lo, hi + 1):
        p *= k
    return p


def digest(n):
    """A short, exact summary of a huge int."""
    return n % 1000000007, n.bit_length()


def one_round(r):
    out = []
    f = math.factorial(FACT_N + r)
    g = product(2, FACT_N + r)
    out.append(("factorial", f == g, digest(f)))

    # 100,000 decimal digits: str() and back.
    n = 7 ** 118294 + r
    s = str(n)
    m = int(s)
    out.append(("str", len(s), s[:12], s[-12:], m == n))

    # Products and quotients of huge ints.
    q = n * f
    d = q // (g + 12345)
    e = q % (n - 98765)
    out.append(("muldiv", digest(q), digest(d), digest(e)))
    out.append(("pow", digest(pow(3, 50000 + r) * 5 ** 20000 // 11 ** 9000)))
    return out


def main():
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    total = 0
    for r in range(size):
        for line in one_round(r):
            print(*line)
            for ch in str(line):
                total = (total * 31 + ord(ch)) % 1000000007
    print("rounds", size)
    print("checksum", total)


main()
