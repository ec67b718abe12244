a[i] += 1
b.x -= 2
first, *rest = items
*init, last = items
a, *middle, b = items
[x, *y] = "abc"
for p, *q in pairs:
    pass
