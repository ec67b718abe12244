# Assignment expressions: in conditions, loops, comprehensions (binding in
# the enclosing scope), and nested.
def scan(items):
    if (n := len(items)) > 2:
        print(n)
    while (item := items.pop()) != 0:
        print(item)
    total = [y := 0]
    squares = [z for x in items if (z := x * x) > 1]
    return n, item, z, squares, (a := (b := 3) + 1), a, b, total, y


data = [3, 0, 1]
if (first := data[0]):
    print(first)
