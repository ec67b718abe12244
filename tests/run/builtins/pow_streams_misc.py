import sys
print(pow(2, 10), pow(2, 10, 1000), pow(2, -1, 7), pow(3, 4, -5), pow(-3, 3, 7), pow(2, 100, 10**9 + 7), pow(2.0, 3), pow(base=2, exp=3, mod=5))
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 5)]:
    try:
        pow(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
print(sys.stdout.write("xyz"), file=sys.stderr)
class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
c = Capture()
print("a", 1, [2], sep="-", end="!\n", file=c)
print(c.parts)
old = sys.stdout
sys.stdout = c
print("captured")
sys.stdout = old
print(c.parts[-2:], sys.stdout is sys.__stdout__)
def g():
    yield 1
    return 5
it = g(); next(it)
try:
    next(it)
except StopIteration as e:
    print("value", e.value, e.args)
print(StopIteration().value, {**{"a": 1}, "b": 2, **dict(c=3)})
f = lambda: (yield 7)
print(list(f()))
