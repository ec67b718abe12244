class mycm(classmethod):
    tag = "mine"
    def __init__(self, f):
        f.marked = True
        super().__init__(f)
class cached(property):
    pass
class A:
    @mycm
    def make(cls):
        return cls.__name__
    @cached
    def val(self):
        return 42
print(A.make(), A().make(), A().val, type(A.__dict__["make"]).__name__, A.__dict__["make"].tag, A.__dict__["make"].__func__.marked)
def f(): pass
f.attr = 1
print(f.attr, f.__dict__)
