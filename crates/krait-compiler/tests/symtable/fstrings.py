def f(x):
    return f"{x!r:>{width}} {[y for y in x]} {(lambda: z)()}"
