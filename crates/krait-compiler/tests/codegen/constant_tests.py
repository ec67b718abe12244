if True:
    a = 1
else:
    a = 2
if False:
    b = 1
if 0:
    b = 2
elif 'x':
    b = 3
while False:
    a = a + 1
if None:
    print(a)
c = 1 if True else 2
d = 1 if () else 2
if a is None:
    pass
e = a and True
f = False or a
print(a, b, c, d, e, f)
shifts = (1 << 40, 1 << 62, 1 << 63, 1 << 100, -1 << 3, 5 >> 1, -9 >> 70, 1 << -1)
folded_set = {-1, -2, 8, 16, 1 << 40, 2.5, True}
big_shifts = (1 << 127, 3 << 126, -(1 << 62))
