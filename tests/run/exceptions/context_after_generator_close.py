# Closing a generator inside a handler (its GeneratorExit is swallowed and
# freed) does not stop the next exception from taking the handled one as
# its __context__ (CPython's test_raise test_3118).

def gen():
    try:
        yield 1
    finally:
        pass

def f():
    g = gen()
    next(g)
    try:
        try:
            raise ValueError("handled")
        except ValueError:
            del g
            raise KeyError("next")
    except KeyError as e:
        print(type(e.__context__).__name__, e.__context__)

for _ in range(3):
    f()

class Probe:
    def __getattr__(self, name):
        raise AttributeError(name)

try:
    try:
        raise ValueError("outer")
    except ValueError:
        hasattr(Probe(), "x")
        raise KeyError("after hasattr")
except KeyError as e:
    print(type(e.__context__).__name__, e.__context__)
