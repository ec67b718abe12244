class C:
    g = ((w := x) for x in y)
