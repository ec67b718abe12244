def raise_group():
    raise ExceptionGroup("many", [ValueError("v"), TypeError("t"), ValueError("w"), KeyError("k")])

try:
    raise_group()
except* ValueError as eg:
    print("ValueErrors:", repr(eg))
except* TypeError as eg:
    print("TypeErrors:", repr(eg))
except* KeyError as eg:
    print("KeyErrors:", repr(eg))

try:
    try:
        raise_group()
    except* ValueError:
        print("handled values")
except ExceptionGroup as rest:
    print("left over:", repr(rest))

try:
    raise ValueError("naked")
except* ValueError as eg:
    print("wrapped:", repr(eg), type(eg).__name__)

try:
    raise_group()
except* (ValueError, KeyError) as eg:
    print("tuple:", [str(e) for e in eg.exceptions])
except* TypeError:
    print("type error too")

def handler_raises():
    try:
        raise ExceptionGroup("g", [ValueError("x")])
    except* ValueError:
        raise RuntimeError("from handler")
try:
    handler_raises()
except ExceptionGroup as e:
    print("handler's error:", repr(e), repr(e.exceptions[0].__context__))
except RuntimeError as e:
    print("bare runtime error", repr(e), repr(e.__context__))
