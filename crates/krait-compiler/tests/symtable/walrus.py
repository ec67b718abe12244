[y := 1 for x in range(3)]
def f():
    [z := x for x in range(3)]
    return z
def g():
    global w
    [w := x for x in range(3)]
def h():
    [[deep := x for x in y] for y in range(3)]
lambda: [lw := 1 for _ in ()]
if (m := 10) > 5: pass
print(n := 1)
class C:
    u = (v := 3)
