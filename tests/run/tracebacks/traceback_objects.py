# Traceback and frame objects: the chain an exception collects on its way
# out, the frames it names, and what they remember.
import sys

def level3(n):
    local_value = n * 2
    raise ValueError(f"at {n}")

def level2(n):
    return level3(n + 1)

def level1():
    marker = "level1"
    return level2(1)

try:
    level1()
except ValueError as e:
    tb = e.__traceback__
    chain = []
    while tb is not None:
        f = tb.tb_frame
        chain.append((f.f_code.co_name, tb.tb_lineno, f.f_lineno, type(tb).__name__, type(f).__name__))
        last = tb
        tb = tb.tb_next
    for entry in chain:
        print(entry)
    inner = last.tb_frame
    print(sorted(inner.f_locals.items()), inner.f_back.f_code.co_name, inner.f_back.f_back.f_code.co_name)
    print(inner.f_globals is globals(), inner.f_builtins is not None, last.tb_lasti >= 0)
    module_frame = e.__traceback__.tb_frame
    print(module_frame.f_code.co_name, module_frame.f_back, module_frame.f_locals is globals())

# The same exception raised again grows its chain at the front.
def catch_and_reraise():
    try:
        level1()
    except ValueError as exc:
        saved = exc
        raise
try:
    catch_and_reraise()
except ValueError as e:
    names = []
    tb = e.__traceback__
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)

# with_traceback, setting and deleting __traceback__.
err = KeyError("k")
print(err.__traceback__, err.with_traceback(None) is err)
try:
    raise err
except KeyError as caught:
    kept = caught.__traceback__
fresh = RuntimeError("new").with_traceback(kept)
print(fresh.__traceback__ is kept, fresh.__traceback__.tb_frame.f_code.co_name)
for bad in (5, "tb"):
    try:
        fresh.__traceback__ = bad
    except TypeError as te:
        print("TypeError:", te)
try:
    del fresh.__traceback__
except TypeError as te:
    print("TypeError:", te)
try:
    fresh.with_traceback(1)
except TypeError as te:
    print("TypeError:", te)

# tb_next can be changed, but not into a loop.
try:
    level1()
except ValueError as e:
    head = e.__traceback__
    second = head.tb_next
    head.tb_next = None
    print(head.tb_next)
    head.tb_next = second
    try:
        second.tb_next.tb_next = head
    except ValueError as ve:
        print("ValueError:", ve)
    try:
        head.tb_next = 3
    except TypeError as te:
        print("TypeError:", te)
    try:
        head.tb_lineno = 3
    except AttributeError as ae:
        print("AttributeError:", ae)

# sys.exc_info's traceback is the exception's.
try:
    {}["missing"]
except KeyError as e:
    t, v, tb = sys.exc_info()
    print(t is KeyError, v is e, tb is e.__traceback__, tb.tb_next)

# __exit__ receives the traceback.
class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__, tb is ev.__traceback__, tb.tb_frame.f_code.co_name)
        return True
with Ctx():
    level2(5)

# Notes print after the exception line.
e = ValueError("with notes")
e.add_note("first")
e.add_note("second\nline")
e.__notes__.append(42)
raise e
