# A failing sys.excepthook: both tracebacks, as CPython prints them.
import sys
def bad(*a): raise RuntimeError("hook broke")
sys.excepthook = bad
1/0
