# sys.getrecursionlimit/setrecursionlimit: the value round-trips, and the
# errors for bad values and for a limit at or below the current depth.
import sys

print(sys.getrecursionlimit())
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())


def dig(n):
    if n == 0:
        try:
            sys.setrecursionlimit(10)
        except RecursionError as e:
            print(e)
        return
    dig(n - 1)


dig(50)
for bad in [0, -5, 2**64, 1.5, "x"]:
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
try:
    sys.setrecursionlimit()
except TypeError as e:
    print(e)
print(sys.getrecursionlimit())
