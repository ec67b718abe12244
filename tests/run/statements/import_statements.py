import sys
import os.path
import os.path as osp
from os import path as p2, sep
from collections import *
print(osp is os.path, p2 is os.path, sep, "OrderedDict" in dir(), "os" in dir(), "path" in dir())
try:
    import no_such_module_abc
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from os import no_such_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name, e.path.endswith("os.py"))
try:
    from . import sibling
except ImportError as e:
    print(type(e).__name__, e)
try:
    import os.nope
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
def local_import():
    import json
    from math import pi as PI
    return json.__name__, PI, "json" in globals()
print(local_import())
print(sys.modules["os.path"] is os.path, __import__("os.path").__name__, __import__("os.path", fromlist=["x"]).__name__)
import importlib
m = importlib.import_module("string")
print(m.ascii_lowercase, m.__name__, type(m).__name__)
try:
    importlib.import_module("")
except ValueError as e:
    print(type(e).__name__, e)
