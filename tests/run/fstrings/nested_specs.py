value = 3.14159265
for width in (8, 12):
    for prec in (2, 4):
        print(f"[{value:{width}.{prec}f}]", f"[{value:>{width}.{prec}}]", f"[{value:<{width}.{prec}e}]")
align, fill, w = "^", "~", 11
print(f"[{'mid':{fill}{align}{w}}]", f"[{42:{fill}>{w},}]", f"[{-42:{'='}{w}}]")
spec = ".3f"
print(f"{value:{spec}}", f"{value!r:>{len(spec) * 6}}", f"{value!s:.{len(spec)}}")
n = 255
for base in ("b", "o", "x", "X", "d"):
    print(f"{n:#{base}}", f"{n:0{10}{base}}", f"{n:_{base}}" if base != "d" else f"{n:_}")
items = [("apple", 1.5, 3), ("kiwi", 0.25, 12), ("watermelon", 3.0, 1)]
col = max(len(name) for name, *_ in items)
for name, price, qty in items:
    print(f"{name:<{col}} | {price:>6.2f} | {qty:>{3}d} | {price * qty:>{8}.{2}f}")
print(f"{'total':>{col}} | {sum(p * q for _, p, q in items):>{6 + 3 + 3 + 3 + 8}.2f}")
width = 5
print(f"{f'{value:.{2}f}':>{width * 2}}|", f"{[f'{i:{width}}' for i in range(2)]}")
print(f"{'%s' % 'old-style':^{20}}", f"{format(n, 'x'):>{4}}", f"{value:{'.'}{'2'}{'f'}}")
try:
    f"{value:{'.'}{'2'}{'q'}}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{value:{width}{width}.{width}.f}"
except ValueError as e:
    print(type(e).__name__, e)
