def f(a, /, b=dflt, *args, c, d=kwdflt, **kw) -> ret:
    e = 1
    return a
def g(*, x): pass
def h(**kw): pass
async def co(p: ann1, *q: ann2, r: ann3, **s: ann4) -> ann5:
    await p
@decorator(arg)
def decorated(): pass
lam = lambda a, b=1, *c, d=2, **e: a + outer
