def f(xs, ys):
    a = {x: y for x in xs for y in ys if x != y}
    b = {x % 3 for x in xs}
    return [[x + y for y in ys] for x in xs], a, b
