"""Fannkuch: for each permutation of 0..N-1, count the prefix reversals
("pancake flips") needed to bring 0 to the front; report the maximum and an
alternating-sign checksum of the counts.

Size: number of permutations of 0..N-1 visited, N = 10, in the classic
rotation order (work is linear in it). With N = 7 and every permutation the
answer is the well-known checksum 228, maximum 16 (checked at start-up).
Exercises: list slicing and slice assignment, list copies, small-int loops.
"""

import sys

DEFAULT_SIZE = 700000
N = 10


def fannkuch(n, limit):
    perm = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    visited = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        first = perm[0]
        if first:
            p = perm[:]
            flips = 0
            while first:
                p[:first + 1] = p[first::-1]
                flips += 1
                first = p[0]
            if flips > max_flips:
                max_flips = flips
            checksum += -flips if visited & 1 else flips
        visited += 1
        if visited == limit:
            return checksum, max_flips, visited
        # Advance to the next permutation: rotate the first r+1 items left
        # until a rotation counter does not run out.
        while True:
            if r == n:
                return checksum, max_flips, visited
            head = perm[0]
            perm[:r] = perm[1:r + 1]
            perm[r] = head
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    if fannkuch(7, -1) != (228, 16, 5040):
        print("fannkuch(7) gives the wrong answer")
        sys.exit(1)
    checksum, max_flips, visited = fannkuch(N, limit)
    print("fannkuch", N, "permutations", visited)
    print("max flips", max_flips)
    print("checksum", checksum)


main()
