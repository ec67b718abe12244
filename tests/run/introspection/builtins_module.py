import builtins
print(type(__builtins__).__name__, __builtins__ is builtins)
print(builtins.len("abc"), builtins.__name__)
names = dir(builtins)
for n in ("print", "len", "None", "True", "Ellipsis", "NotImplemented", "__build_class__",
          "__import__", "ExceptionGroup", "aiter", "anext", "breakpoint"):
    print(n, n in names)
print(getattr(builtins, "True"), getattr(builtins, "None"), builtins.Ellipsis)
print(len([n for n in names if n[0].isupper() and n.endswith("Error")]) > 30)
print(__build_class__.__name__, type(__import__("sys")).__name__)
try:
    __import__("no_such_module_xyz")
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
import sys as s2, builtins as b2
print(s2.__name__, b2 is builtins)
from builtins import max as mx
print(mx(1, 2))
