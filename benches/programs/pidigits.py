"""Pi digits: Gibbons' unbounded spigot (J. Gibbons, "Unbounded Spigot
Algorithms for the Digits of Pi", American Mathematical Monthly, 2006),
streaming decimal digits of pi with exact big-integer arithmetic.

Size: number of rounds, each producing the first DIGITS digits afresh
(work is linear in it).
Exercises: big integers (multiplication, floor division, comparison of
numbers hundreds of digits long), tuple assignment, a generator.
"""

import sys

DEFAULT_SIZE = 30
DIGITS = 1000
KNOWN = "31415926535897932384626433832795028841971693993751"


def pi_digits():
    # The state is a linear fractional transformation (q r; 0 t) composed
    # with the series terms k = 1, 2, ...; n is the digit it would yield.
    q, r, t, k, n, m = 1, 0, 1, 1, 3, 3
    while True:
        if 4 * q + r - t < n * t:
            yield n
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, m = (q * k, (2 * q + r) * m, t * m, k + 1,
                                (q * (7 * k + 2) + r * m) // (t * m), m + 2)


def first_digits(count):
    out = []
    for d in pi_digits():
        out.append(d)
        if len(out) == count:
            return out


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    checksum = 0
    digits = []
    for i in range(rounds):
        digits = first_digits(DIGITS - i % 2)
        checksum += sum(digits)
    text = "".join(str(d) for d in digits)
    if rounds and not text.startswith(KNOWN):
        print("wrong digits", text[:50])
        sys.exit(1)
    print("pidigits rounds", rounds, "digits", len(text))
    print("last", text[-20:])
    print("checksum", checksum)


main()
