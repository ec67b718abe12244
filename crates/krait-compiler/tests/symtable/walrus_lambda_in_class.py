class C:
    f = lambda: [(w := x) for x in y]
