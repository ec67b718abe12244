# sys.excepthook: the default and __excepthook__, a replaced hook called for
# the uncaught exception, CPython's argument checks.
import sys
print(sys.excepthook is sys.__excepthook__, sys.excepthook.__name__)
def hook(t, v, tb):
    print("hook:", t.__name__, v, tb.tb_lineno if tb else None)
sys.excepthook = hook
try:
    sys.__excepthook__(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    sys.__excepthook__(ValueError, ValueError("x"))
except TypeError as e:
    print("TypeError", e)
sys.__excepthook__(ValueError, ValueError("printed by default hook"), None)
raise KeyError("uncaught")
