def f():
    del a
    b += 1
    c[0] = 1
    d.e = 2
    (f, [g, *h]) = 1, [2, 3]
    return b
