import sys
print("to stdout")
print("to stderr", file=sys.stderr)
sys.stdout.write("written directly\n")
n = sys.stderr.write("err written\n")
print("stderr write returned", n)
print("a", "b", sep="", end="!\n")
print(end="")
print()
print("x", "y", sep=None, end=None)
print(*range(5), sep=", ")
try:
    print("bad", sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("bad", file=5)
except AttributeError as e:
    print(type(e).__name__, e)
class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
c = Collector()
print("into", "collector", file=c)
print(c.parts)
print(sys.stdout.isatty(), sys.stdin is not None)
sys.stdout.flush()
