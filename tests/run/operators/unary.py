class U:
    def __neg__(self):
        return "neg"
    def __pos__(self):
        return "pos"
    def __invert__(self):
        return "invert"
    def __abs__(self):
        return "abs"
    def __round__(self, n=None):
        return f"round {n}"
    def __trunc__(self):
        return 7
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
    def __complex__(self):
        return 1j
    def __float__(self):
        return 2.5
    def __int__(self):
        return 9

import math
u = U()
print(-u, +u, ~u, abs(u), round(u), round(u, 2))
print(math.trunc(u), math.floor(u), math.ceil(u))
print(complex(u), float(u), int(u))
print(-5, +5, ~5, -(-5), ~-1, -0.0, +True, ~True, -False)
class Nothing:
    pass
for f in (lambda: -Nothing(), lambda: +Nothing(), lambda: ~Nothing(), lambda: abs(Nothing()),
          lambda: ~1.5, lambda: -"s", lambda: int(Nothing()), lambda: float(Nothing())):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print(not u, not Nothing(), not 0)
