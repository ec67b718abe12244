import sys

def down(n):
    return down(n + 1) + 1

for attempt in range(3):
    try:
        down(0)
    except RecursionError as e:
        print("attempt", attempt, type(e).__name__, e)

def through_method():
    class Looper:
        def __getattr__(self, name):
            return self.missing
    return Looper().anything
try:
    through_method()
except RecursionError as e:
    print("__getattr__ loop:", type(e).__name__)

class SelfRepr:
    def __repr__(self):
        return "SelfRepr(" + repr(self) + ")"
try:
    repr(SelfRepr())
except RecursionError as e:
    print("__repr__ loop:", type(e).__name__)

def via_builtin(n):
    return list(map(via_builtin, [n]))
try:
    via_builtin(0)
except RecursionError as e:
    print("through map:", type(e).__name__)

sys.setrecursionlimit(60000)
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print("raised limit, depth", deep(50000))
sys.setrecursionlimit(1000)
print("and the interpreter is still fine:", deep(100))
