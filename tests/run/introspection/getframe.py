# sys._getframe: the caller's frame objects, their code, line and locals.
import sys


def inner(depth):
    f = sys._getframe(depth)
    return f.f_code.co_name, f.f_lineno, sorted(k for k in f.f_locals if not k.startswith("__"))[:4]


def outer():
    marker = 1
    return inner(0), inner(1), inner(2)


print(outer())
print(sys._getframe().f_code.co_name, sys._getframe(0) is sys._getframe(), sys._getframe().f_back)
for bad in (100, "x"):
    try:
        sys._getframe(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
