print(eval("1 + 2 * 3"))
print(eval("x * y", {"x": 3, "y": 4}))
print(eval("x + z", {"x": 1}, {"z": 10}))
x = "module x"
print(eval("x"))
def f():
    x = "local x"
    return eval("x")
print(f())
print(eval("  [i for i in range(3)]  "))
print(eval("len('abc')", {}))
print(eval("abs", {"__builtins__": {"abs": "replaced"}}))
try:
    eval("len('a')", {"__builtins__": {}})
except NameError as e:
    print(type(e).__name__, e)
for bad in ("x = 1", "1 +", "import sys", ""):
    try:
        eval(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
try:
    eval(5)
except TypeError as e:
    print(type(e).__name__, e)
g = {}
eval("1", g)
print(sorted(g), type(g["__builtins__"]).__name__)
print(eval(compile("2 ** 8", "<expr>", "eval")), eval(b"'from bytes'"))
code = compile("a + 1", "<c>", "eval")
print(eval(code, {"a": 41}), code.co_names, code.co_filename)
