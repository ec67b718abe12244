print(sum([1,2], start=10))
for f in (lambda: sum([1], start='a'), lambda: sum([], 1, start=2), lambda: ord('ab'), lambda: ord(5), lambda: chr(0x110000), lambda: chr('a'), lambda: chr(-1), lambda: iter(5, 1), lambda: slice(1,2,0).indices(3), lambda: slice(1,2).indices(-1)):
    try: print(f())
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
it = iter(lambda: 1, 1); print(type(it).__name__, list(it))
vals = iter([1, 2, 3, None, 5]); print(list(iter(lambda: next(vals), None)))
print(slice(1,10,2).indices(5), slice(None,None,-1).indices(4), slice(-100, 100).indices(10))
print(ord('a'), ord('€'), ord('\U0001F600'), chr(97), chr(0x20ac), repr(chr(0xd800)), len(chr(0x1F600)))
import builtins
print(getattr(builtins, 'True'), getattr(builtins, 'None'), __debug__)
def f():
    x = 1
    def g():
        nonlocal x
        del x
        try:
            return x
        except NameError as e:
            return str(e)
    return g()
print(f())
def h():
    y = 1
    def k(): return y
    del y
    try:
        return k()
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
print(h())
def m():
    z = 1
    def q(): return z
    del z
    try:
        print(z)
    except UnboundLocalError as e:
        return str(e)
print(m())
def cells():
    a = 5
    def inner(): return a
    return inner.__closure__[0]
c = cells()
print(c.cell_contents)
c.cell_contents = 7
print(c.cell_contents)
del c.cell_contents
try:
    c.cell_contents
except ValueError as e:
    print("ValueError:", e)
print(vars() is globals())
def lv(a, b=2):
    c = 3
    return sorted(vars().items())
print(lv(1))
