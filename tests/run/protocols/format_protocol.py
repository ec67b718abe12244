class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "":
            return f"{self.cents / 100:.2f}"
        if spec == "c":
            return f"{self.cents}c"
        return format(self.cents / 100, spec)
    def __str__(self):
        return "Money"

m = Money(12345)
print(f"{m}", f"{m:c}", f"{m:>10.1f}", format(m), format(m, "c"), "{:c}".format(m), "{0:}".format(m))
print(f"{m!s}", f"{m!r:.6}")

class NoFormat:
    def __str__(self):
        return "nf"
print(format(NoFormat()), f"{NoFormat():}")
try:
    format(NoFormat(), "d")
except TypeError as e:
    print(type(e).__name__, e)
class BadFormat:
    def __format__(self, spec):
        return 5
try:
    format(BadFormat())
except TypeError as e:
    print(type(e).__name__, e)
try:
    f"{BadFormat()}"
except TypeError as e:
    print(type(e).__name__, e)
print(format(255, "x"), format(255, "#010b"), format(3.14159, ".3"), format("s", "^5"), format(True, "d"))
for bad in ((1, "s"), ("s", "d"), (1.5, "x"), (1, ".2s")):
    try:
        format(*bad)
    except ValueError as e:
        print(type(e).__name__, e)
