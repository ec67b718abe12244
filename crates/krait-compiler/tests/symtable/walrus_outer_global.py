def f():
    global x
    def g():
        [(x := 2) for w in v]
        return x
