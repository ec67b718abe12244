g1 = 1
def f():
    global g1, g2
    g1 = 2
    def inner():
        return g1, g2
    x = 1
    def nl():
        nonlocal x
        x += 1
        def deeper():
            return x
    return inner
global g3
def uses_module_global():
    return g3
