class Default(dict):
    def __missing__(self, key):
        return "{" + key + "}"

template = "Hello {name}, you owe {amount:.2f} to {creditor}"
print(template.format_map(Default(name="Ann", amount=12.5)))
print("{a[0]} {a[1]!r} {b.imag}".format_map({"a": ["x", "y"], "b": 2j}))
print("{0}{1}{0}".format("ab", "-"), "{:{fill}^{w}}".format("mid", fill="*", w=9))
print("{!s:>5}|{!r:<6}|".format(None, "q"), "{0.__class__.__name__}".format(1.5))
print("{:%Y}".format(__import__("datetime").date(2024, 1, 2)), "{:>{}}".format("r", 4))
print("{}{{}}{}".format(1, 2), "{{{}}}".format("x"), "{:d}".format(True), "{:.3s}".format("abcdef"))
try:
    "{name}".format_map({})
except KeyError as e:
    print(type(e).__name__, e)
try:
    "{0[5]}".format([1])
except IndexError as e:
    print(type(e).__name__, e)
try:
    "{0.nope}".format(1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    "{:>{}}".format("x")
except IndexError as e:
    print(type(e).__name__, e)
print(str.format("{}", "unbound call"), "%(x)s-%(x)r" % {"x": "v"}, "%%s" % ())
