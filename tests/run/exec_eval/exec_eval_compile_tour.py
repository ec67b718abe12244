print(eval("1 + 2"), eval("  x * 2", {"x": 21}), eval("y", {}, {"y": 5}))
g = {}
exec("a = 1\ndef f():\n    return a + 1\nb = f()", g)
print(g["a"], g["b"], sorted(k for k in g if k != "__builtins__"))
code = compile("x * 3", "<calc>", "eval")
print(type(code).__name__, eval(code, {"x": 4}))
exec(compile("for i in range(2): print('loop', i)", "<loop>", "exec"))
ns = {}
exec("class C:\n    v = 7", ns)
print(ns["C"].v)
def local_exec():
    loc = {}
    exec("z = 10", globals(), loc)
    return loc["z"]
print(local_exec())
exec(compile("1 + 1", "<single>", "single")); exec(compile("None", "<single>", "single"))
for bad in ["1 +", "def f(:", "  x = 1", "return 5", "x = (1,"]:
    try:
        compile(bad, "<test>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e, "|", e.msg, e.lineno, e.offset, repr(e.text), e.filename)
try:
    eval("1/0")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    compile("x", "f", "bogus")
except ValueError as e:
    print(e)
print(eval("__name__"), eval("len([1, 2])"))
exec("print('exec stdout')")
eval("undefined_name")
