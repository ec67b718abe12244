g = {}
exec("a = 1\nb = a + 1\ndef f():\n    return a + b\n", g)
print(sorted(k for k in g if k != "__builtins__"), g["f"]())

g2, l2 = {"base": 100}, {}
exec("x = base + 1\ny = x * 2", g2, l2)
print(l2, "x" in g2)

exec("def h():\n    return q\nq = 'global q'", g2, l2)
try:
    l2["h"]()
except NameError as e:
    print(type(e).__name__, e)

ns = {}
exec("class K:\n    attr = 5\nresult = K.attr", ns)
print(ns["result"])

def in_function():
    exec("local_var = 42")
    return "local_var" in locals(), locals().get("local_var")
print(in_function())

code = compile("for i in range(3):\n    print('loop', i)", "<loop>", "exec")
exec(code)
print(exec("1 + 1"))
try:
    exec("raise ValueError('inside exec')")
except ValueError as e:
    print(type(e).__name__, e)
try:
    exec("def broken(:\n    pass")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename, e.lineno)
try:
    exec("x", [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    exec("x", {}, 5)
except TypeError as e:
    print(type(e).__name__, e)
