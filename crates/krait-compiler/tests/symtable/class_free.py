def f():
    x = 1
    class C:
        x = 2
        def m(self):
            return x
    return C
def g():
    class C:
        global z
        z = 1
        def m(self):
            return z
def h():
    y = 1
    class C:
        nonlocal y
        y = 2
        def m(self):
            return y
