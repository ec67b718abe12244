def f(x=lambda: y, *, k=lambda: z):
    pass
lambda a=lambda: b: a
class C(B, metaclass=lambda *a: m, kw=[q for q in w]):
    pass
@(lambda f: f)
def g(): pass
