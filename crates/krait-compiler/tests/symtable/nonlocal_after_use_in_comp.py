def f():
    x = 1
    def g():
        [x for y in z]
        nonlocal x
