def inspect(e):
    print(type(e).__name__, e,
          "| cause:", type(e.__cause__).__name__ if e.__cause__ else None,
          "| context:", type(e.__context__).__name__ if e.__context__ else None,
          "| suppress:", e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("implicit")
except ValueError as e:
    inspect(e)

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("explicit") from z
except ValueError as e:
    inspect(e)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("from None") from None
except ValueError as e:
    inspect(e)

try:
    raise ValueError("cause without context") from KeyError("k")
except ValueError as e:
    inspect(e)

try:
    raise ValueError("class as cause") from KeyError
except ValueError as e:
    inspect(e)
    print(repr(e.__cause__))

e = RuntimeError("manual")
e.__cause__ = TypeError("t")
print(e.__suppress_context__)
try:
    e.__cause__ = 5
except TypeError as err:
    print(type(err).__name__, err)
try:
    e.__context__ = "s"
except TypeError as err:
    print(type(err).__name__, err)
