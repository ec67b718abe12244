# Large but legal code: many arguments, locals, constants, and a long chain.
n = 300
src = "def f(" + ", ".join(f"a{i}" for i in range(n)) + "):\n"
src += "".join(f"    b{i} = a{i} * 2\n" for i in range(n))
src += "    return " + " + ".join(f"b{i}" for i in range(n)) + "\n"
ns = {}
exec(src, ns)
print(ns["f"](*range(n)), ns["f"].__code__.co_argcount, len(ns["f"].__code__.co_varnames))

def star(*args, **kwargs):
    return len(args), len(kwargs)
print(star(*range(100000), **{f"k{i}": i for i in range(1000)}))

lit = eval("[" + ", ".join(str(i) for i in range(10000)) + "]")
print(len(lit), lit[-1], sum(lit))
d = eval("{" + ", ".join(f"'k{i}': {i}" for i in range(5000)) + "}")
print(len(d), d["k4999"])
chain = " < ".join(str(i) for i in range(500))
print(eval(chain), eval(" < ".join(["1"] * 3)))
s = eval("'" + "x" * 100000 + "'")
print(len(s))
big_if = "def g(x):\n" + "".join(f"    {'if' if i == 0 else 'elif'} x == {i}:\n        return {i * i}\n" for i in range(500)) + "    return -1\n"
exec(big_if, ns)
print(ns["g"](0), ns["g"](499), ns["g"](500))
names = "".join(f"v{i} = {i}\n" for i in range(2000))
g = {}
exec(names, g)
print(g["v1999"], len([k for k in g if k.startswith("v")]))
