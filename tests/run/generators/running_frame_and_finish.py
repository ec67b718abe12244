import sys
class D:
    def __init__(self, name): self.name = name
    def __del__(self):
        try:
            print(self.name, "running:", g.gi_running, "frame:", g.gi_frame)
            next(g)
        except BaseException as e:
            print(self.name, type(e).__name__, e)
def gen():
    d = D("ret")
    yield 1
g = gen()
next(g)
try:
    next(g)
except StopIteration:
    print("stop")
def gen2():
    d = D("inline")
    yield 1
g = gen2()
for x in g:
    print("x", x)
def gen3():
    d = D("raise")
    yield 1
    raise KeyError(1)
g = gen3()
next(g)
try:
    next(g)
except KeyError:
    print("keyerror")
# gi_frame of a running generator
def gen4():
    f = g4.gi_frame
    print(f is sys._getframe(), f.f_code.co_name, f.f_back is not None, g4.gi_running)
    yield f
g4 = gen4()
fr = next(g4)
print(fr is g4.gi_frame, fr.f_lineno, repr(sys._getframe()).endswith(", code <module>>"))
def outer():
    return list(g5)
def gen5():
    yield g5.gi_frame.f_back.f_code.co_name
g5 = gen5()
print(outer())

# frame.clear() of a suspended generator's frame closes the generator.
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")
c = closing()
next(c)
f = c.gi_frame
f.clear()
print(c.gi_frame, c.gi_running, next(c, "exhausted"))

def failing():
    try:
        1/0
    except ZeroDivisionError as e:
        tb_frame = e.__traceback__.tb_frame
        try:
            tb_frame.clear()
        except RuntimeError as err:
            print("RuntimeError", err)
        yield tb_frame
    finally:
        print("failing finally")
fg = failing()
fr = next(fg)
fr.clear()
print(fg.gi_frame)

# frame repr of a running frame shows its current line
def where():
    f = sys._getframe()
    x = 1
    return repr(f).rsplit(",", 2)[1]
print(where())
