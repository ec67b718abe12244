# Bound built-in methods compare and hash by receiver identity and function.
l = []
print(l.append == l.append, l.append != l.append, l.append == [].append, l.append != [].append, l.append == l.pop)
print(hash(l.append) == hash(l.append), l.append.__doc__ == list.append.__doc__)
try:
    l.append < l.append
except TypeError as e: print(e)
# A function's __get__ with an owner that is not a class.
class Owner: pass
def f(self): return 42
print(f.__get__(Owner(), object())())
