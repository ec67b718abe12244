import sys

print(sys.exc_info())
try:
    raise ValueError("current")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, type(tb).__name__)
    print(sys.exception(), sys.exception() is sys.exc_info()[1])
    try:
        raise KeyError("nested")
    except KeyError:
        print(sys.exc_info()[1].args)
    print(sys.exc_info()[1])
print(sys.exc_info())

def raiser():
    raise TypeError("in function")
try:
    raiser()
except TypeError:
    print(sys.exc_info()[0].__name__)

def bare_reraise():
    try:
        raise OSError("original")
    except OSError:
        try:
            raise ValueError("temporary")
        except ValueError:
            pass
        raise
try:
    bare_reraise()
except OSError as e:
    print("reraised", type(e).__name__, e)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
