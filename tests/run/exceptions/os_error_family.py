# The OSError family (errno subclasses, str, attributes), the other
# built-in exception types, and isinstance/issubclass with tuples.
for e in [OSError(), OSError("plain"), OSError(2, "No such file"), OSError(2, "No such file", "a.txt"), OSError(13, "Denied", "a", None, "b"), OSError(999, "odd"), OSError("x", "y"), OSError(1, 2, 3, 4, 5, 6)]:
    print(type(e).__name__, repr(str(e)), e.errno, e.strerror, e.filename, e.filename2, e.args)
print(IOError is OSError, EnvironmentError is OSError, issubclass(BrokenPipeError, ConnectionError))
for t in [GeneratorExit, StopAsyncIteration, FloatingPointError, BufferError, EOFError, ReferenceError, SystemError, UnicodeError, UserWarning, DeprecationWarning, ResourceWarning]:
    print(t.__name__, repr(t("m")), str(t("m")), issubclass(t, Exception))
try:
    raise FileNotFoundError(2, "No such file or directory", "missing.txt")
except OSError as e:
    print("caught", e)
print(isinstance(1, int), isinstance(True, (str, (float, int))), isinstance("s", (int, float)), issubclass(bool, int), issubclass(KeyError, (TypeError, LookupError)))
for bad in [lambda: isinstance(1, 2), lambda: issubclass(1, int), lambda: isinstance(1, (int, "x"))]:
    try:
        bad()
    except TypeError as e:
        print(e)
print(isinstance(1, (float, (int, "x"))))
raise TimeoutError("slow")
