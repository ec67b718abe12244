def f():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        print("caught")
    else:
        print("no else when caught")
    finally:
        print("finally")
    return "done"
print(f())

def no_error():
    try:
        pass
    except* ValueError:
        print("never")
    else:
        print("else runs")
no_error()

try:
    try:
        raise ExceptionGroup("g", [ValueError(1), ValueError(2)])
    except* ValueError as eg:
        print("sees both:", eg.exceptions)
        raise
except ExceptionGroup as e:
    print("reraised:", repr(e))

try:
    try:
        raise TypeError("plain")
    except* ValueError:
        print("no")
except TypeError as e:
    print("a plain exception no except* matches stays plain:", repr(e))
