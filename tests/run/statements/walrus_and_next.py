# Assignment expressions (conditions, loops, comprehensions binding in the
# enclosing scope) and the iter/next builtins, including their errors.
values = iter([5, 4, 0, 7])
while (v := next(values)) != 0:
    print("value", v)
print("rest", next(values), next(values, "default"))
try:
    next(values)
except StopIteration as e:
    print("exhausted", repr(e))


def scan(items):
    if (n := len(items)) > 2:
        print("long", n)
    squares = [z for x in items if (z := x * x) > 1]
    return n, z, squares, (a := (b := 3) + 1), a, b


print(scan([1, 2, 3]))
print([(y := i) * 2 for i in range(3)], y)
for bad in [lambda: next([1]), lambda: iter(1), lambda: next()]:
    try:
        bad()
    except TypeError as e:
        print(e)
