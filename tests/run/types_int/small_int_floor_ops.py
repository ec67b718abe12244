vals = [-7, -6, -1, 0, 1, 6, 7, 13, -13]
out = []
for x in vals:
    for y in [-5, -3, -1, 1, 3, 5]:
        out.append((x % y, x // y, x & y, x | y, x ^ y))
print(out)
