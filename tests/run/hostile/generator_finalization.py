import sys
sys.unraisablehook = lambda u: print("unraisable:", type(u.exc_value).__name__, u.exc_value)

def stubborn():
    try:
        yield 1
    finally:
        print("stubborn finally")
        yield "yield in finally"

g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)

g2 = stubborn()
next(g2)
del g2
print("after del g2")

def raising_finally():
    try:
        yield
    finally:
        raise ValueError("from finally at finalization")
g3 = raising_finally()
next(g3)
g3 = None
print("after dropping g3")

def counter():
    i = 0
    try:
        while True:
            yield i
            i += 1
    finally:
        print("counter finalized at", i)
for v in counter():
    if v == 2:
        break
print("loop done")
gens = [counter() for _ in range(2)]
for gg in gens:
    next(gg)
del gens, gg
print("list dropped")
