def f():
    return {a: b, **c, d: e}, {k: v for k, v in items}
