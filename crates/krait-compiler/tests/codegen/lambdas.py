# lambdas: defaults, closures, nesting, qualnames, calls.
f = lambda x, y=2: x + y
g = lambda: None
h = lambda a, *, k: a


def outer(n):
    add = lambda m: m + n
    return [lambda q, n=n: q * n for _ in range(2)], add


def pick(items):
    return max(items, key=lambda t: t[1])


nested = lambda a: lambda b: a + b
