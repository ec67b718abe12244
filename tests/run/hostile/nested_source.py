for depth in (50, 150, 300):
    src = "(" * depth + "1" + ")" * depth
    try:
        print(depth, eval(src))
    except (SyntaxError, RecursionError, MemoryError) as e:
        print(depth, type(e).__name__, e)
try:
    eval("-" * 100000 + "1")
except (SyntaxError, RecursionError, MemoryError) as e:
    print(type(e).__name__, e)
try:
    eval("[" * 1000 + "]" * 1000)
except (SyntaxError, RecursionError, MemoryError) as e:
    print(type(e).__name__, e)
src = "x = 0\n" + "".join(" " * i + "if True:\n" for i in range(50)) + " " * 50 + "x = 1\n"
ns = {}
exec(src, ns)
print(ns["x"])
try:
    compile("".join(" " * i + "if True:\n" for i in range(101)) + " " * 101 + "pass\n", "<deep>", "exec")
except (SyntaxError, RecursionError) as e:
    print(type(e).__name__, e.msg if isinstance(e, SyntaxError) else e)
big = "+".join(["1"] * 5000)
try:
    print(eval(big))
except RecursionError as e:
    print(type(e).__name__, e)
