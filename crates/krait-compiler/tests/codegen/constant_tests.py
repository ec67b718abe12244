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
