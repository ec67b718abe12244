def gen(n):
    for i in range(n):
        x = yield i
        if x:
            yield
    return n


def delegate(it):
    result = yield from it
    return result


def closure_gen(a):
    def inner():
        yield a
    return inner


def with_cells(a):
    yield lambda: a


squares = (x * x for x in range(10) if x % 2)
nested = list((a, b) for a in range(3) for b in range(a))
total = sum(x for x in [1, 2, 3])


def in_try():
    try:
        yield 1
    except ValueError:
        yield 2
    finally:
        print("done")


for v in [1, 2, x]:
    pass
for v in {1, 2}:
    pass
for v in [*a]:
    pass
ys = [y for y in [1, 2] for z in {3}]


gen_lambda = lambda: (yield 1)
gen_lambda2 = lambda x: (yield from x)
