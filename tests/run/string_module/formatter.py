# string.Formatter: format, vformat, and the hooks a subclass overrides.
import string

f = string.Formatter()
print(f.format("{0} + {1} = {2}", 1, 2, 3), f.format("{a}{b!r}{c:>4}", a="x", b="y", c=7))
print(f.format("{} {}", "auto", "numbered"), f.format("{0.real} {1[1]} {d[k]}", 3, "ab", d={"k": "v"}))
print(f.format("{:{w}.{p}f}", 3.14159, w=8, p=2), f.format("{{literal}} {0}", 0))
print(list(f.parse("a{0}b{1:x}c")))
print(f.get_field("0.imag", (2j,), {}), f.convert_field("x", "r"), f.format_field(5, "03"))
for bad in ["{0", "{}{0}", "{0}{}", "{2}", "{x}", "{0!z}"]:
    try:
        f.format(bad, 1)
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)

class Upper(string.Formatter):
    def format_field(self, value, format_spec):
        return super().format_field(value, format_spec).upper()
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<" + key + ">"
        return super().get_value(key, args, kwargs)
print(Upper().format("{0} {name} {missing}", "abc", name="def"))

class Checked(string.Formatter):
    def check_unused_args(self, used, args, kwargs):
        unused = set(range(len(args))) | set(kwargs)
        print("unused", sorted(map(str, unused - used)))
Checked().format("{0}{x}", 1, 2, x=3, y=4)
