for exc in (Exception(), Exception(1), Exception(1, "two"), Exception(None), Exception([1, 2]),
            KeyError(), KeyError("k"), KeyError(1, 2), KeyError(("t",)), IndexError(5),
            OSError(), OSError("msg"), OSError(13, "Permission denied"), OSError(2, "x", "file", 0, "file2"),
            UnicodeError("u"), SyntaxError("bad", ("f.py", 1, 2, "text", 1, 3)), StopIteration(1, 2),
            SystemExit("bye"), AttributeError("a", name="n", obj=5), NameError("n", name="x"), ImportError("i", name="m", path="p")):
    print(type(exc).__name__, "|", str(exc), "|", repr(exc), "|", exc.args)
se = SyntaxError("bad", ("f.py", 1, 2, "text", 1, 3))
print(se.msg, se.filename, se.lineno, se.offset, se.text, se.end_lineno, se.end_offset)
ae = AttributeError("a", name="n", obj=5)
print(ae.name, ae.obj)
ie = ImportError("i", name="m", path="p")
print(ie.name, ie.path, ie.msg)
print(OSError(2, "x").filename, PermissionError.__mro__[1].__name__, type(OSError(13, "x")).__name__)
