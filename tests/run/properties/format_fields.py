# str.format's field grammar over seeded generated format strings: literal
# text, doubled braces, auto and manual numbering (and switching between
# them), keyword names, attribute and index lookups, !r/!s/!a conversions,
# nested specs; every error and its message; format_map; string.Formatter.
import random, string

rng = random.Random(423)

class Point:
    x = 3
    y = -1.5
    def __format__(self, spec):
        return "P<%s>" % spec
    def __repr__(self):
        return "Point()"

args = (10, "héllo", 2.5, [1, "two", 3.0], {"k": "v", 1: "one"}, Point(), -7, None)
kwargs = {"name": "Ada", "n": 12345, "f": -0.0, "lst": ["a", "b"], "d": {"x": 1}, "p": Point(), "w": 8, "pr": 3}

def attempt(fmt):
    try:
        r = fmt.format(*args, **kwargs)
    except Exception as e:
        return "%s:%s" % (type(e).__name__, e)
    return repr(r)

pieces_text = ["", "a", " ", "{{", "}}", "{", "}", "x{{y}}z", "é", "\n"]
names = ["", "", "", "0", "1", "2", "3", "5", "8", "name", "n", "f", "nope", "lst", "d", "p", "-1", " ", "0x", "٣"]
tails = ["", "", "", ".x", ".y", ".real", ".imag", "[0]", "[1]", "[k]", "[x]", "[9]", "[-1]", ".upper", ".", "[", "[0",
         "[]", "..x", "[0][0]", ".__class__.__name__"]
convs = ["", "", "", "!r", "!s", "!a", "!x", "!", "!rr"]
specs = ["", "", ":", ":>6", ":^{w}", ":{w}.{pr}", ":{}", ":{0}", ":*<{w}", ":.{pr}f", ":x", ":d", ":,", ":{:}", ":{nope}",
         ":{{", ":}", ":{w}{pr}", ":#{w}x"]

for k in range(2500):
    fmt = ""
    for _ in range(rng.randrange(1, 4)):
        fmt += rng.choice(pieces_text)
        if rng.random() < 0.8:
            fmt += "{" + rng.choice(names) + rng.choice(tails) + rng.choice(convs) + rng.choice(specs) + rng.choice(["}", "}", "}", "", "}}"])
    fmt += rng.choice(pieces_text)
    print(repr(fmt), attempt(fmt))

for fmt in ["{}{}", "{0}{}", "{}{0}", "{}{1}{}", "{:{}}{}", "{0:{}}", "{!r:}", "{0!r:>{1}}", "{0:{1:{2}}}", "{0:{1:{2:{3}}}}",
            "{a.b.c}", "{0.__class__}", "{0[0]!r}", "{lst[1]}", "{d[x]}", "{3[1]}", "{4[1]}", "{4[k]}", "{0[", "{0]", "}{",
            "{!}", "{:}", "{0!}", "{0!:}", "{" * 3, "}" * 3, "{0:}}", "{{{0}}}", "{" + "0" * 30 + "}", "{1000000000000000000000}"]:
    print(repr(fmt), attempt(fmt))
print(repr("{x} {y[0]}".format_map({"x": 1, "y": "ab"})))
try:
    "{x}".format_map([])
except Exception as e:
    print(type(e).__name__, e)
class Missing(dict):
    def __missing__(self, key):
        return "<%s>" % key
print("{a}-{b}".format_map(Missing(a=1)))
f = string.Formatter()
print(f.format("{0}:{x!r:>5}", 1, x="y"), list(f.parse("a{0!r:>3}b{{c}}{}")))
try:
    f.format("{0}{}", 1, 2)
except Exception as e:
    print(type(e).__name__, e)
# field indexes and widths in any script's decimal digits (CPython's
# Py_UNICODE_TODECIMAL), never in % formatting
for fmt in ["{٣}", "{٠:٥}", "{0:.٢f}", "{0:٣,}", "{𝟏}", "{0:𝟖}", "{0:١٠}", "{٣٣}"]:
    print(repr(fmt), attempt(fmt))
for fmt in ["%٣d", "%.٢f"]:
    try:
        print(repr(fmt), repr(fmt % 5))
    except Exception as e:
        print(repr(fmt), "%s:%s" % (type(e).__name__, e))
