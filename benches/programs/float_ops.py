"""Float arithmetic: a Mandelbrot escape-time grid, sine and exponential by
their Taylor series, Newton's method for cube roots and Simpson's rule.

Size: number of sample points; each point costs about the same (work is
linear in it). No math module: every function is written out in floats.
Exercises: float +, -, *, /, comparisons, int <-> float conversion, float
formatting, small pure functions called in loops, while loops.
"""

import sys

DEFAULT_SIZE = 140000

PI = 3.141592653589793


def sine(x):
    # Reduce to [-pi, pi], then sum the Taylor series to 1e-16 relative.
    x = x - 2.0 * PI * int(x / (2.0 * PI))
    if x > PI:
        x -= 2.0 * PI
    elif x < -PI:
        x += 2.0 * PI
    term = x
    total = x
    k = 1
    x2 = x * x
    while abs(term) > 1e-16:
        term = -term * x2 / ((2 * k) * (2 * k + 1))
        total += term
        k += 1
    return total


def exponential(x):
    # e**x as (e**(x/2**k))**(2**k), the series converging fast for small x.
    halvings = 0
    while abs(x) > 0.5:
        x /= 2.0
        halvings += 1
    term = 1.0
    total = 1.0
    k = 1
    while abs(term) > 1e-17:
        term = term * x / k
        total += term
        k += 1
    for _ in range(halvings):
        total *= total
    return total


def cube_root(a):
    if a == 0.0:
        return 0.0
    x = a if a > 1.0 else 1.0
    for _ in range(60):
        nx = (2.0 * x + a / (x * x)) / 3.0
        if abs(nx - x) <= 1e-15 * nx:
            return nx
        x = nx
    return x


def escape_time(cr, ci, limit):
    zr = zi = 0.0
    for n in range(limit):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return n
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return limit


def simpson(f, a, b, steps):
    h = (b - a) / steps
    total = f(a) + f(b)
    for i in range(1, steps):
        total += (4.0 if i % 2 else 2.0) * f(a + i * h)
    return total * h / 3.0


def bump(x):
    return 1.0 / (1.0 + x * x)


def main():
    samples = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    side = 200
    escapes = 0
    wave = 0.0
    growth = 0.0
    roots = 0.0
    for i in range(samples):
        # A point of a side x side grid over [-2, 0.5] x [-1.25, 1.25].
        cell = i % (side * side)
        cr = -2.0 + 2.5 * (cell % side) / side
        ci = -1.25 + 2.5 * (cell // side) / side
        escapes += escape_time(cr, ci, 40)
        t = i * 0.001
        wave += sine(t) * sine(t + 0.5)
        growth += exponential(sine(t))
        roots += cube_root(1.0 + t)
    area = simpson(bump, 0.0, 1.0, samples)
    print("float samples", samples)
    print("escapes", escapes)
    print("wave %.6f growth %.6f roots %.6f" % (wave, growth, roots))
    print("4 * atan(1) by Simpson %.12f" % (4.0 * area))
    print("checksum", repr(wave + growth + roots + area))


main()
