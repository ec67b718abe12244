def f():
    nonlocal_target = 0
    def g():
        nonlocal nonlocal_target
        return [nonlocal_target := x for x in y]
    return g
def h():
    return (gw := x for x in y)
class C:
    def m(self):
        return [mw := x for x in self]
    lam = lambda: [lw := 1 for _ in ()]
def k():
    [[(inner := y) for y in x] for x in z]
    return inner
top_level = [[tw := 1 for a in b] for c in d]
tw2 = 1
[tw2 := 2 for e in f]
