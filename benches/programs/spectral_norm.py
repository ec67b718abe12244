"""Spectral norm: the largest singular value of the infinite matrix
A(i, j) = 1 / ((i + j) * (i + j + 1) / 2 + i + 1), truncated to N x N,
by the power method on A^T A.

Size: number of power-method steps with N = 100 (work is linear in it;
the classic program does 10 steps, whose result is 1.274219991).
Exercises: a small function called in the innermost loop, int arithmetic
turned into float division, float accumulation, list indexing.
"""

import sys

DEFAULT_SIZE = 200
N = 100


def entry(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times_a(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += entry(i, j) * v[j]
        out.append(s)
    return out


def times_a_transposed(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += entry(j, i) * v[j]
        out.append(s)
    return out


def times_ata(v, n):
    return times_a_transposed(times_a(v, n), n)


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    n = N
    u = [1.0] * n
    v = u
    for _ in range(steps):
        # Rescale so that many steps cannot overflow (the first step divides
        # by 1.0, so 10 steps give exactly the classic program's numbers).
        top = max(u)
        u = [x / top for x in u]
        v = times_ata(u, n)
        u = times_ata(v, n)
    vbv = 0.0
    vv = 0.0
    for ui, vi in zip(u, v):
        vbv += ui * vi
        vv += vi * vi
    print("spectral norm", n, "steps", steps)
    print("norm %.9f" % (vbv / vv) ** 0.5)
    print("checksum", repr(sum(u)))


main()
