def top(a, b):
    c = 1
    return a, b, c, d
