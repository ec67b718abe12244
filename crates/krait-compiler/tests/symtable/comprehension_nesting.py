def f(a):
    return [[y for y in x if y > a] for x in range(a)], {k: {v for v in k} for k in a}
g = [lambda: x for x in range(3)]
h = [(lambda x: x)(x) for x in range(3)]
def uses_outer_iter():
    it = 1
    return [it for _ in it]
def outer_iter_nested_comp():
    return [x for x in [y for y in range(3)]]
