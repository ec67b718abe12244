def f():
    __x = 1
    class A:
        def g(self):
            nonlocal __x
            return __x
    return A
