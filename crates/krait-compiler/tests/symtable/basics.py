import os.path, sys as system
from a import b as c, d
from .rel import e
x: int = 1
y: int
(z): int = 2
w.attr: int = 3
del x
for i in range(3): pass
with open(f) as (h, k): pass
try:
    pass
except E as err:
    pass
a = b = c
a += 1
