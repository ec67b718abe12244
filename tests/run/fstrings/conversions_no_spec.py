# f-strings without format specs: conversions !s !r !a, nesting, escapes
# of braces, values of every built-in type so far, and an error inside one.
name = "Krait"
n = 42
x = 2.5
items = [1, "two", (3.0, None)]
print(f"{name} {n} {x} {items}")
print(f"{name!r} {name!s} {name!a}")
print(f"{'café'!a} {'日本'!a} {'🐍'!a} {'\x7f\x80'!a}")
print(f"{{literal}} {n}{{}}")
print(f"{n + 1}{n * 2}", f"{True} {None} {-0.0}")
print(f"{f'{name}'*2}")
print(f"{ {'k': n} }")
print(f"")
print(len(f"{'x' * 3}"), f"{items[1]}")
d = {"a": 1}
print(f"{d['a']!r}")
print(f"{n!r:}")
print(f"value: {undefined_name}")
