# generator.throw(type, value, traceback): the traceback is kept (and the
# generator's frame added on top); a non-traceback third argument is
# CPython's TypeError.
import sys

def gen():
    try:
        yield 1
    except ValueError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        yield names

def make_tb():
    try:
        raise ValueError("original")
    except ValueError as e:
        return e, e.__traceback__

e, tb = make_tb()
g = gen()
next(g)
print(g.throw(ValueError, e, tb))
g = gen()
next(g)
for bad in (1, "tb"):
    try:
        g.throw(ValueError, None, bad)
    except TypeError as err:
        print("TypeError", err)
print(g.throw(ValueError("fresh"), None, None))
