def outer(p):
    x = 1
    y = 2
    def middle():
        def inner():
            return x, p, g
        return inner
    def uses_y():
        nonlocal y
        y = 3
    return middle
def shadow():
    x = 1
    def inner(x):
        return x
    return inner
