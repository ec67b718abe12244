def outer():
    factor = 3
    return [[x * factor for x in range(i)] for i in range(3)]
print(outer())

class K:
    vals = [1, 2]
    doubled = [v * 2 for v in vals]
    try:
        pairs = [(v, w) for v in vals for w in vals if v < len(vals)]
    except NameError as e:
        err = f"{type(e).__name__}: {e}"
print(K.doubled, getattr(K, "pairs", None), getattr(K, "err", None))

def gen_in_comp():
    return [list(x * y for y in range(3)) for x in range(3)]
print(gen_in_comp())

x = 10
funcs = [lambda: x for x in range(3)]
print([f() for f in funcs], x)

def uses_walrus():
    data = [1, 5, 3, 8]
    if any((big := v) > 4 for v in data):
        return big
print(uses_walrus())
def shadowing_loop_var():
    i = "kept"
    squares = [i * i for i in range(3)]
    return i, squares
print(shadowing_loop_var())
print([[j for j in range(i, i + 2)] for i in range(0, 6, 2)])
