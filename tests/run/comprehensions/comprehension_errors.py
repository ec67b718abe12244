for src in (
    "[x for x in range(3)] = 1",
    "[i := 0 for i in range(3)]",
    "[(j := 1) for i in range(3) for j in range(2)]",
    "class C:\n    [(y := 1) for _ in range(1)]\n",
    "[x for x in (y := [1])]",
    "{**d for d in []}",
    "[*x for x in []]",
):
    try:
        compile(src, "<comp>", "exec")
        print("ok:", src.splitlines()[0])
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
def f():
    return [v for v in [] if (w := v) > 0], w
try:
    print(f())
except NameError as e:
    print(type(e).__name__, e)
def g():
    res = [w for v in range(3) if (w := v) > 0]
    return res, w
print(g())
