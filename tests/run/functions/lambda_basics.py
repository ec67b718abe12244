# Lambdas: defaults, closures over loop variables, nesting, repr-free
# introspection, and an error raised inside a lambda.
add = lambda x, y=10: x + y
print(add(1), add(1, 2), add(y=5, x=1))

adders = [lambda v, n=n: v + n for n in range(3)]
print([a(100) for a in adders])

late = [lambda v: v + n for n in range(3)]
print([a(100) for a in late])

compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(4))


def make_counter():
    count = [0]
    bump = lambda: count.append(len(count)) or len(count)
    return bump


bump = make_counter()
print(bump(), bump(), bump())
print((lambda: "immediately")())
divide = lambda a, b: a / b
divide(1, 0)
