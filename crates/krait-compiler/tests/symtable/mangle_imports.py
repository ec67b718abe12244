class C:
    import __x
    import __y.z
    from m import __w
    def f(self):
        global __g
        __g = 1
    def h(self, __p):
        return __p
