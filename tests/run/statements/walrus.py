data = [3, 8, 1, 9]
if (n := len(data)) > 3:
    print("long list", n)
print(n)

values = iter([5, 4, 0, 7])
while (v := next(values)) != 0:
    print("value", v)
print("stopped at", v)

print([y for x in range(6) if (y := x * x) % 2])
print(y)
def f():
    return (z := 10) + z
print(f())
print((a := 1, b := 2), a, b)
print([(t := i) for i in range(3)], t)
total = 0
print([total := total + i for i in range(5)], total)
def g():
    [w := 1 for _ in range(1)]
    return w
print(g())
x = 0
print((x := x + 1) + (x := x + 1), x)
for src in ("(a.b := 1)", "(a[0] := 1)", "x := 1", "def f(a := 1): pass", "((a, b) := (1, 2))"):
    try:
        compile(src, "<w>", "exec")
        print("compiled", src)
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
