# co_code, co_lines(), co_positions() and code.replace(), laid out as
# CPython 3.11 lays out its own (the instructions themselves are the same).
def f(a, b=2):
    x = a + b
    if x > 3:
        return [v * 2 for v in (x, a)]
    return {
        "k": x,
    }


for co in (f.__code__, f.__code__.co_consts[3] if len(f.__code__.co_consts) > 3 else f.__code__,
           compile("y = 1\nz = y + 1", "<s>", "exec"), compile("1 + 2", "<s>", "eval")):
    print(co.co_name, len(co.co_code), type(co.co_code).__name__)
    print(list(co.co_lines()))
    print(list(co.co_positions()))
g = f.__code__.replace(co_name="g", co_qualname="G.g", co_firstlineno=100)
print(g.co_name, g.co_qualname, g.co_firstlineno, g is f.__code__, g.co_code == f.__code__.co_code)
print(g.co_consts == f.__code__.co_consts, g.co_varnames, f.__code__.replace().co_name)
for bad in [dict(co_name=5), dict(co_argcount="x"), dict(bogus=1), dict(co_names=[1])]:
    try:
        f.__code__.replace(**bad)
    except TypeError as e:
        print("TypeError", e)
try:
    f.__code__.replace("positional")
except TypeError as e:
    print("TypeError", e)
