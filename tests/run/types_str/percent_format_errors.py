# printf-style formatting errors, with CPython's exception types and texts.
cases = [
    ("%d", "x"), ("%x", 3.0), ("%o", "8"), ("%d", float("nan")), ("%d", float("inf")),
    ("%f", "x"), ("%e", 10 ** 400), ("%c", "ab"), ("%c", 1.5), ("%c", -1), ("%c", 2 ** 70),
    ("%s", ()), ("%s %s", (1,)), ("%s", (1, 2)), ("abc", 5), ("abc", "x"), ("%(a)s", (1,)),
    ("%(a)s", {}), ("%(a", {"a": 1}), ("%(a)s %s", {"a": 1}), ("%(a)s", [1]), ("%z", 1),
    ("%z", ()), ("%\x01", 1), ("%é", 1), ("%5%", ()), ("%5%", (1,)), ("abc%", ()), ("%", ()),
    ("%-", ()), ("%10", (1,)), ("%.", (1,)), ("%*d", ("a", 1)), ("%.*f", (1.5, 1.0)),
    ("%d %d", (1, "x")), ("%99999999999999999999d", 1), ("%.99999999999d", 1),
]
for fmt, args in cases:
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(repr(fmt), type(e).__name__, e)
try:
    print(5 % "x")
except TypeError as e:
    print(type(e).__name__, e)
print("%s %(a)s" % {"a": 1})
