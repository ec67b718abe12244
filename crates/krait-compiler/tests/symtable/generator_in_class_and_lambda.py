class C:
    gen = (x for x in range(3))
    lam = lambda: (yield 1)
    def m(self):
        yield from self
        return 1
