class C:
    def m(self):
        nonlocal __class__
        __class__ = 1
        return __class__
    def n(self):
        def inner():
            nonlocal __class__
        return inner
