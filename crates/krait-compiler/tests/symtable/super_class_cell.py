class A:
    def f(self):
        def inner():
            return super()
        return inner
    def g(self):
        return [super() for _ in ()]
    def h(self):
        return lambda: __class__
    __class__ = 1
class B:
    def f(self, super=None):
        return super
class C:
    super()
    __class__
