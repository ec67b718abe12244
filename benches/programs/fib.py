"""Recursive Fibonacci: the cost of a Python-to-Python call.

Size: how many times fib(FIB_N) is evaluated (work is linear in it).
Exercises: function calls and returns, int comparison, int addition,
global name lookup of the function itself.
"""

import sys

DEFAULT_SIZE = 60
FIB_N = 27


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    total = 0
    for i in range(size):
        # Alternate the depth a little so no two rounds are the same call.
        total += fib(FIB_N - (i % 2))
    print("fib", FIB_N, "rounds", size)
    print("checksum", total)


main()
