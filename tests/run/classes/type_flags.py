# type.__flags__: the CPython tp_flags bits Krait knows, and __abc_tpflags__.
from collections.abc import Sequence, Mapping, Collection
print(hex(Sequence.__flags__ & (1<<5 | 1<<6)), hex(Mapping.__flags__ & (1<<5|1<<6)))
class C: pass
for t in [int, list, dict, str, tuple, bytes, type, ValueError, C, bool]:
    print(t.__name__, [b for b in (5, 6, 9, 20, 24, 25, 26, 27, 28, 29, 30, 31) if t.__flags__ >> b & 1])
try:
    class Both(Collection):
        __abc_tpflags__ = (Sequence.__flags__ | Mapping.__flags__)
except TypeError as e:
    print(e)
