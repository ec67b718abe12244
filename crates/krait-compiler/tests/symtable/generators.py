def g():
    yield
def gf():
    yield from x
async def ag():
    yield 1
    await y
def ret():
    return 1
gen = (x for x in y)
lam = lambda: (yield)
