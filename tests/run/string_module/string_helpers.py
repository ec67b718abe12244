# The _string module that string.Formatter is built on: formatter_parser
# and formatter_field_name_split, lazily parsed.
import _string

for s in ["", "abc", "{}", "a{0!r:>5}b", "{{x}}", "a}}b{{", "{a.b[c]}", "{:{}}", "{!s}",
          "{0!x}", "ab{0}", "{0:{1:{2}}}", "{ }", "{0:}", "x{name.attr[0]:^10}y{}z", "{é!a}ü"]:
    print(repr(s), list(_string.formatter_parser(s)))
for s in ["{a!}", "}", "{", "x{0", "{0!", "{0!rx}", "{0:", "{[}", "{a[}", "a{x}b}c", "{a{b}"]:
    it = _string.formatter_parser(s)
    got = []
    try:
        for piece in it:
            got.append(piece)
    except ValueError as e:
        print(repr(s), got, "ValueError", e)
    else:
        print(repr(s), got)

for s in ["", "a", "0", "a.b[0][x].c", "a]", "0.x", "[0]", ".a", "a.0", "07[007]", "x[ ]"]:
    first, rest = _string.formatter_field_name_split(s)
    print(repr(s), repr(first), type(rest).__name__, list(rest))
for s in ["a[", "a.", "a[0]x", "a..b", "a[]", "12345678901234567890123", "0[99999999999999999999999]"]:
    try:
        first, rest = _string.formatter_field_name_split(s)
        print(repr(s), repr(first), end=" ")
        print(list(rest))
    except ValueError as e:
        print("ValueError", e)

print(type(_string.formatter_parser("")).__name__, iter(_string.formatter_parser("")) is not None)
print(_string.__doc__, _string.__name__)
for bad in [lambda: _string.formatter_parser(1), lambda: _string.formatter_field_name_split(b"x"),
            lambda: _string.formatter_parser(), lambda: _string.formatter_parser("a", "b")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
