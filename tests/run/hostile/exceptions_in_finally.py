def f():
    try:
        try:
            raise ValueError("first")
        finally:
            raise KeyError("second")
    except KeyError as e:
        print(repr(e), "context:", repr(e.__context__))

f()

def g():
    for i in range(3):
        try:
            try:
                raise TypeError(i)
            finally:
                if i == 1:
                    raise RuntimeError("in finally")
        except TypeError as e:
            print("TypeError", e)
        except RuntimeError as e:
            print("RuntimeError", e, repr(e.__context__))
g()

def h():
    try:
        return "try value"
    finally:
        try:
            raise OSError("swallowed inside finally")
        except OSError:
            pass
print(h())

def nested_finally():
    log = []
    try:
        try:
            try:
                raise ValueError("v")
            finally:
                log.append("f1")
        finally:
            log.append("f2")
            1 / 0
    except ZeroDivisionError as e:
        log.append(f"caught {type(e).__name__} ctx={type(e.__context__).__name__}")
    return log
print(nested_finally())
