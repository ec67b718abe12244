def f():
    return [lambda: i for i in range(3)], [(lambda: j)() for j in range(3)]
