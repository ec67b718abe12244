def f():
    try:
        raise KeyError("inner ctx")
    except KeyError:
        raise ValueError("multi\nline msg")
def g():
    e = ExceptionGroup("inner", [TypeError(2)])
    e.add_note("note1\nnote2")
    raise e
excs = []
for fn in (f, g):
    try:
        fn()
    except Exception as e:
        excs.append(e)
big = ExceptionGroup("outer", excs + [OSError(5, "io")])
big.add_note("top note")
raise big
