def f():
    yield
def g():
    try:
        raise KeyError('a')
    except Exception:
        yield from f()
gen = g(); gen.send(None)
try:
    gen.throw(ValueError)
except ValueError as e:
    print("1", repr(e.__context__))

def plain():
    yield
p = plain(); next(p)
try:
    raise IndexError("outer")
except IndexError:
    try:
        p.throw(ValueError)
    except ValueError as e:
        print("2", repr(e.__context__))

def handling():
    try:
        raise KeyError("inner")
    except KeyError:
        yield
h = handling(); next(h)
try:
    raise IndexError("outer")
except IndexError:
    try:
        h.throw(ValueError)
    except ValueError as e:
        print("3", repr(e.__context__), repr(e.__context__.__context__))

def raising():
    yield
    raise TypeError("in gen")
r = raising(); next(r)
try:
    raise IndexError("outer")
except IndexError:
    try:
        next(r)
    except TypeError as e:
        print("4", repr(e.__context__))
