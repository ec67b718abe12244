def f(a, a):
    global a
