class I:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n

seq = list(range(10))
print(seq[I(3)], seq[I(1):I(4)], "abcdef"[I(-1)])
print(hex(I(255)), bin(I(5)), oct(I(8)), range(I(3)), [0] * I(3))
print(int(I(7)), float(I(2)), complex(I(3)))
import operator
print(operator.index(I(42)), (5).__index__(), True.__index__())
for bad in (I("x"), I(1.5)):
    try:
        seq[bad]
    except TypeError as e:
        print(type(e).__name__, e)
try:
    seq[1.0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    "ab" * 1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    operator.index(2.0)
except TypeError as e:
    print(type(e).__name__, e)
class WithInt:
    def __int__(self):
        return 3
try:
    seq[WithInt()]
except TypeError as e:
    print(type(e).__name__, e)
print(int(WithInt()), round(2.5), seq[True])
