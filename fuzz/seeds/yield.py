def g():
    yield
    yield x
    x = yield from y
