eg = ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
print(eg, repr(eg))
print(eg.message, eg.exceptions)
print(type(eg).__name__, isinstance(eg, Exception))

beg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__)
beg2 = BaseExceptionGroup("all regular", [ValueError()])
print(type(beg2).__name__)

match, rest = eg.split(ValueError)
print(match, match.exceptions)
print(rest, rest.exceptions)
print(eg.subgroup(TypeError).exceptions, eg.subgroup(KeyError))
print(eg.split(lambda e: "1" in str(e)))

nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")])])
m, r = nested.split(ValueError)
print(repr(m))
print(repr(r))
print(nested.derive([KeyError("k")]))

for args in (("msg", []), ("msg", [1]), (1, [ValueError()]), ("msg", ValueError())):
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print(type(e).__name__, e)
