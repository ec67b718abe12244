def f():
    x = 1
    @deco(x)
    class C(Base(x), metaclass=meta, **kw):
        y = x
    return C
