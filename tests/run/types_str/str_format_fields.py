# str.format and str.format_map: numbering, lookups, conversions, nesting.
print("{} {} {}".format(1, "two", 3.5), "{1}{0}{1}".format("a", "b"), "{x}-{y}".format(y=2, x=1))
print("{0[1]} {0[0]} {1[k]} {1[k][1]}".format(["p", "q"], {"k": "vw"}))
class Point:
    def __init__(self):
        self.x, self.y = 3, [10, 20]
p = Point()
print("{0.x},{0.y[1]} {p.y[0]}".format(p, p=p), "{.x}".format(p), "{0[1]}".format({1: "int key"}))
print("{!r} {!s} {!a} {!r:>8}".format("é", 1.5, "☕x", "q"), "{0!r} {0!s} {0!a}".format("é"))
print("{:{}}|{:*^{}}|{:{}{}}".format("a", 4, "b", 7, "c", ">", 3))
print("{0:{1}.{2}f}|{name:>{width}}".format(3.14159, 8, 3, name="n", width=4))
print("{{}} {{{}}} }}{{".format("x"), "{:%}".format(0.25), "{:,}".format(10 ** 9), "{:#x}".format(255))
print("{}".format("{}"), "a{0}b{0}c".format(""), "{0}".format([1, "2"]), "{}".format(None))
print("{a}{b}".format_map({"a": 1, "b": [2]}), "{k[0]}".format_map({"k": "xy"}))
print(str.format("{}-{}", 1, 2), "{:>3}{:<3}|".format(1, 2), "{!s:^7}".format(True))
bad = ["{", "}", "x}y", "{0", "{0!", "{0!r", "{0!x}", "{0!rr}", "{0:", "{0[}", "{0]}", "{0[0]x}",
       "{0.}", "{0[]}", "{a{}", "{:{:{}}}", "{}{0}", "{0}{}", "{5}", "{nope}", "{0.nope}",
       "{0[9]}", "{0[a]}", "{:d}", "{0!é}", "{99999999999999999999}"]
for fmt in bad:
    try:
        print(repr(fmt.format([1], 2)))
    except (ValueError, IndexError, KeyError, AttributeError, TypeError) as e:
        print(repr(fmt), type(e).__name__, e)
for call in [lambda: "{}".format_map({}), lambda: "{a}".format_map({}), lambda: "{a}".format_map(1),
             lambda: "".format_map(), lambda: str.format()]:
    try:
        print(repr(call()))
    except (ValueError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
