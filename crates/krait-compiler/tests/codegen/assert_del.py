# assert with and without a message; del of names and tuples of names.
def check(x, y):
    assert x
    assert x > y, "x must exceed y"
    assert not (x and y), "both" if x else y
    del x
    del (y,)
    z = w = 1
    del z, [w]


a = b = 2
assert a == b
del a, b


def items(d, l):
    del d["k"], l[0], l[1:3], l[::2]
    del (d[1], l[-1])
