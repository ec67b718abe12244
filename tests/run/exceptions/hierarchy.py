def chain(cls):
    return " > ".join(c.__name__ for c in cls.__mro__)

for cls in (ZeroDivisionError, KeyError, IndexError, UnboundLocalError, FileNotFoundError,
            RecursionError, StopIteration, StopAsyncIteration, KeyboardInterrupt, SystemExit,
            GeneratorExit, ModuleNotFoundError, UnicodeDecodeError, NotImplementedError,
            TabError, BrokenPipeError, TimeoutError, DeprecationWarning, ExceptionGroup,
            BaseExceptionGroup, OverflowError, AssertionError):
    print(chain(cls))

print(issubclass(OSError, Exception), EnvironmentError is OSError, IOError is OSError)
print(issubclass(KeyboardInterrupt, Exception), issubclass(bool, Exception))
try:
    {}["k"]
except LookupError as e:
    print("LookupError caught", type(e).__name__)
try:
    raise SystemExit(3)
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException caught", type(e).__name__, e.code)
