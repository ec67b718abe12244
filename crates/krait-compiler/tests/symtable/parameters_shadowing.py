def f(a, b=lambda: a, *, c=[a for a in ()]):
    def g(a=a):
        return a, b
    return g
