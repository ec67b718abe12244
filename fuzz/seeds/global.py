def f():
    global a
    nonlocal b
    del c, d[0]
    assert e, "m"
