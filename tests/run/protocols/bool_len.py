class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("__bool__")
        return self.v

class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print("__len__")
        return self.n

class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0

print(bool(B(True)), bool(B(False)), bool(L(0)), bool(L(3)), bool(Both()))
if L(2):
    print("L(2) is truthy")
print(not B(False), B(True) and "and-result", L(0) or "or-result")
print(len(L(5)))
for bad in (B(1), B("yes"), B(None)):
    try:
        bool(bad)
    except TypeError as e:
        print(type(e).__name__, e)
for n in (-1, 2 ** 63, "3", 3.0):
    try:
        len(L(n))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
class Plain:
    pass
print(bool(Plain()))
try:
    len(Plain())
except TypeError as e:
    print(type(e).__name__, e)
class IntSub(int):
    pass
print(len(L(IntSub(4))), bool(B(False) is False))
