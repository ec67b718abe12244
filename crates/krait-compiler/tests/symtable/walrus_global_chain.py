def f():
    [(x := 1) for y in z]
    def g():
        global x
        [(x := 2) for w in v]
    return x
