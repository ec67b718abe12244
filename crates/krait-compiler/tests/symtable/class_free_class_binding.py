def f():
    a = b = c = 1
    class C:
        a = 2
        global b
        import c
        def m(self):
            return a, b, c
    return C
