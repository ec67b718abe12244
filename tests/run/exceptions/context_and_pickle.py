# __context__ cycles are cut, an explicitly cleared context survives
# propagation, `raise X from Cls` instantiates Cls, TracebackType(...),
# exceptions pickle, generators see the caller's exception state.
import pickle
import sys
import types
from contextlib import contextmanager


def reraise_cycle():
    try:
        try:
            xyzzy
        except NameError as a:
            try:
                1/0
            except ZeroDivisionError:
                raise a
    except NameError as e:
        print("cycle cut:", type(e.__context__).__name__, e.__context__.__context__)


def explicit_none_context():
    class MyException(Exception):
        pass

    @contextmanager
    def my_cm():
        try:
            yield
        except BaseException:
            exc = MyException()
            try:
                raise exc
            finally:
                exc.__context__ = None
    try:
        with my_cm():
            raise IndexError()
    except MyException as exc:
        print("context kept None:", exc.__context__)


def cause_class():
    class Bad(Exception):
        def __init__(self):
            raise RuntimeError("from init")
    try:
        raise IndexError from Bad
    except RuntimeError as e:
        print("cause init error:", e)
    try:
        raise IndexError from KeyError
    except IndexError as e:
        print("cause:", repr(e.__cause__))
    try:
        raise IndexError from 5
    except TypeError as e:
        print("TypeError:", e)


def traceback_ctor():
    try:
        1/0
    except ZeroDivisionError as e:
        other = e.__traceback__
    frame = sys._getframe()
    tb = types.TracebackType(other, frame, 1, 2)
    print(tb.tb_next is other, tb.tb_frame is frame, tb.tb_lasti, tb.tb_lineno)
    tb = types.TracebackType(None, frame, 1, 2)
    print(tb.tb_next)
    for bad in [("no", frame, 1, 2), (other, "no", 1, 2), (other, frame, "no", 2), (other, frame, 1, "x")]:
        try:
            types.TracebackType(*bad)
        except TypeError as e:
            print("TypeError:", e)


def pickling():
    e = ValueError(b"x", 2)
    e.foo = [1]
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        x = pickle.loads(pickle.dumps(e, proto))
        print(proto, repr(x), x.foo)
    print(ValueError(1).__reduce__())
    print(OSError(2, "x", "f").__reduce__())
    print(OSError(2, "x", "f", None, "g").__reduce__())
    i = ImportError("test", name="name", path="path")
    print(i.__reduce__()[1:], pickle.loads(pickle.dumps(i)).name)
    print(AttributeError("x", name="n", obj=1).__reduce__())
    i.__init__()
    print(i.args, i.msg, i.name, i.path)
    s = Exception()
    s.__setstate__({"a": 1})
    print(s.a, s.__setstate__(None))
    try:
        s.__setstate__(5)
    except TypeError as e:
        print("TypeError:", e)
    import codecs
    print(pickle.loads(pickle.dumps(codecs.encode, 0)) is codecs.encode)
    print(len.__reduce__(), [].append.__reduce__()[1])


def generator_exc_state():
    def yield_raise():
        try:
            raise KeyError("caught")
        except KeyError:
            yield sys.exc_info()[0]
            yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    g = yield_raise()
    print(next(g), sys.exc_info()[0], next(g), next(g))
    try:
        raise TypeError("foo")
    except TypeError:
        g = yield_raise()
        print(next(g), sys.exc_info()[0], next(g), next(g), sys.exc_info()[0])

    def sees_caller():
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    it = sees_caller()
    try:
        raise RuntimeError
    except RuntimeError:
        print(next(it))
    print(next(it))

    def bare_raise():
        yield 1
        raise
    i = bare_raise()
    try:
        try:
            1/0
        except ZeroDivisionError:
            next(i)
            next(i)
    except ZeroDivisionError as e:
        print("re-raised in generator:", e)
    print(sys.exc_info())


reraise_cycle()
explicit_none_context()
cause_class()
traceback_ctor()
pickling()
generator_exc_state()
