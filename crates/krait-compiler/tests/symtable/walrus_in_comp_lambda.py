def f():
    return [lambda: (w := 1) for x in y]
def g():
    return [(lambda: x) for x in y if (z := x)]
