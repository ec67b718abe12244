# except*: which parts each clause sees, what is re-raised, and the errors.
def show(label, eg):
    print(label, repr(eg))

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
except* ValueError as e:
    show("values:", e)
except* (TypeError, KeyError) as e:
    show("others:", e)

# A naked exception is wrapped for the clause, and re-raised unwrapped.
try:
    try:
        raise ValueError("naked")
    except* ValueError as e:
        show("wrapped:", e)
        print(type(e.exceptions[0]).__name__, e.exceptions[0].__traceback__ is not None)
        raise
except BaseException as plain:
    print("re-raised as", repr(plain))

# The unmatched rest propagates.
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), OSError(2)])
    except* ValueError:
        print("handled values")
except ExceptionGroup as rest:
    show("rest:", rest)

# New exceptions raised by clauses join the re-raised group.
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")
    except* TypeError:
        raise
except ExceptionGroup as out:
    show("out:", out)
    print([type(x).__name__ for x in out.exceptions])

# else and finally.
def flow(exc):
    try:
        if exc:
            raise exc
    except* ValueError:
        print("  except*")
    else:
        print("  else")
    finally:
        print("  finally")
flow(None)
flow(ValueError())

# Nothing matched: the original group is re-raised as it was.
try:
    try:
        raise ExceptionGroup("orig", [OSError(1)])
    except* ValueError:
        print("never")
except ExceptionGroup as same:
    print("same group:", repr(same))

for bad in (ExceptionGroup, (ValueError, BaseExceptionGroup), int):
    try:
        try:
            raise ValueError(1)
        except* bad:
            pass
    except TypeError as e:
        print("TypeError:", e)

for src in ("for x in y:\n    try:\n        pass\n    except* E:\n        break\n",
            "def f():\n    try:\n        pass\n    except* E:\n        return 1\n",
            "try:\n    pass\nexcept* E:\n    for i in x:\n        continue\n"):
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
