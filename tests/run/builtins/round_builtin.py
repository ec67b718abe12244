for x in [2.5, 3.5, -2.5, 0.125, 1.005, 2.675, 1234.5678, -1234.5678, 1e300, 5e-324, 0.5, 1.5, 15.0, 25.0, -25.0, 1e22]:
    print(round(x), [round(x, n) for n in (-3, -2, -1, 0, 1, 2, 3, 10, 400)], round(x, -400))
for i in [15, 25, -15, -25, 12345, 10**30 + 5 * 10**10, True]:
    print(round(i), round(i, -1), round(i, -11), round(i, 2), type(round(i, 1)).__name__)
print(round(2.5, None), round(number=1.25, ndigits=1))
class R:
    def __round__(self, n=None): return ("r", n)
print(round(R()), round(R(), 2))
for bad in ["x", [1]]:
    try: round(bad)
    except TypeError as e: print(e)
for f in [float("nan"), float("inf")]:
    try: round(f)
    except (ValueError, OverflowError) as e: print(type(e).__name__, e)
    print(round(f, 2))
