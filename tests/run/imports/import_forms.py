import helper_mod
import helper_mod as h2
from helper_mod import double, VALUE as V
print(helper_mod.VALUE, double(4), V, h2 is helper_mod, helper_mod.__name__)
import shapes_pkg.geometry_pkg.ops
print(shapes_pkg.DEFAULT.area(), shapes_pkg.geometry_pkg.ops.LABEL)
import shapes_pkg.geometry_pkg.ops as ops
print(ops.scale(2, 5), ops.__name__, ops.__package__)
from shapes_pkg import circle, geometry_pkg
print(circle.Circle(2).area(), geometry_pkg.NAME)
from helper_mod import *
print(double(5), "triple" in dir() if False else "triple" in globals())
import sys
print("helper_mod" in sys.modules, sys.modules["helper_mod"] is helper_mod)
print(type(helper_mod).__name__, repr(sys))
def lazy():
    import helper_mod as again
    return again.triple(3)
print(lazy())
