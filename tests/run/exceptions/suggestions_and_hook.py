# NameError/AttributeError carry name/obj; sys.excepthook writes to
# sys.stderr with "Did you mean" suggestions; RERAISE restores f_lineno.
import io
import sys


def hook_text(exc):
    saved = sys.stderr
    sys.stderr = io.StringIO()
    try:
        sys.__excepthook__(type(exc), exc, exc.__traceback__)
        return sys.stderr.getvalue()
    finally:
        sys.stderr = saved


def last_line(text):
    return text.rstrip("\n").splitlines()[-1]


class A:
    bluch = 1
    blech = None


class B:
    def __getattribute__(self, attr):
        return A().blich


class C:
    def __getattr__(self, name):
        raise AttributeError(name)


def attr_cases():
    cases = [
        lambda: A().blich,
        lambda: B().something,
        lambda: C().foo,
        lambda: A.bluchx,
        lambda: getattr(A(), "bleech"),
        lambda: object.__getattribute__(A(), "blach"),
        lambda: (1).real_,
        lambda: sys.exc_inf,
        lambda: A().zzzzzzzzzzzzzz,
    ]
    for f in cases:
        try:
            f()
        except AttributeError as e:
            print(e.name, type(e.obj).__name__, "|", last_line(hook_text(e)))
    e = AttributeError("plain")
    print(e.name, e.obj, "|", last_line(hook_text(e)))
    try:
        hasattr(A(), "x")
        getattr(A(), "x", None)
    except AttributeError:
        print("unexpected")


global_for_suggestions = 1


def name_cases():
    somevariable = 1
    for src in ["somevariabl", "global_for_suggestion", "ZeroDivisionErrrr", "lenn", "qqqqqqqqqqq"]:
        try:
            eval(src)
        except NameError as e:
            print(e.name, "|", last_line(hook_text(e)))
    try:
        somevariablee
    except NameError as e:
        print(e.name, "|", last_line(hook_text(e)))

    def unbound():
        x = 1
        del x
        return x
    try:
        unbound()
    except NameError as e:
        print(type(e).__name__, e.name)


def lineno_after_raise(f):
    try:
        f()
    except Exception as ex:
        t = ex.__traceback__
    lines = []
    t = t.tb_next
    while t:
        frame = t.tb_frame
        lines.append(frame.f_lineno - frame.f_code.co_firstlineno)
        t = t.tb_next
    return tuple(lines)


def in_except():
    try:
        1/0
    except:
        1/0
        pass


def in_named_except():
    try:
        1/0
    except Exception as ex:
        1/0
        pass


def in_try():
    try:
        1/0
    finally:
        pass


class Noop:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass


def after_with():
    with Noop():
        1/0
        pass


def other_except():
    try:
        1/0
    except TypeError as ex:
        pass


def syntax_error_cases():
    for info in [("bad.py", 1, 2, "abcdefg", 1, 100), ("bad.py", 1, 2, "abcdefg", 1, 7),
                 ("bad.py", 1, -4, "abcdefg", 1, -2), ("bad.py", 1, 2), ("bad.py", 1, 2, 4, 5, 6, 7),
                 ("bad.py", 1, 2, "abcdefg", 1), 5]:
        try:
            raise SyntaxError("bad bad", info)
        except SyntaxError as e:
            print(repr(hook_text(e)))
        except TypeError as e:
            print("TypeError:", e)


def except_validity():
    for matcher in [42, (ValueError, 42)]:
        try:
            try:
                raise ValueError
            except matcher:
                pass
        except TypeError as e:
            print("TypeError:", e)


def unicode_fields():
    u = UnicodeEncodeError('baz', 'xxxxx', 1, 5, 'foo')
    print(str(u))
    u.end = 2
    print(str(u))
    u.end = 5
    u.reason = 0x345345345345345345
    u.encoding = 4000
    u.start = 1000
    print(str(u), u.args)
    d = UnicodeDecodeError('baz', b'xxxxx', 1, 5, 'foo')
    d.end = 2
    print(str(d), d.end)
    t = UnicodeTranslateError('xxxx', 1, 5, 'foo')
    print(str(t), t.object, t.start, t.end, t.reason, t.encoding if hasattr(t, "encoding") else "-")
    t.end = 2
    print(str(t))
    for k in UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError:
        print(repr(str(k.__new__(k))))


attr_cases()
name_cases()
for f in [in_except, in_named_except, in_try, after_with, other_except]:
    print(f.__name__, lineno_after_raise(f))
syntax_error_cases()
except_validity()
unicode_fields()
