x = 3
if x == 1:
    y = 'one'
elif x == 2:
    y = 'two'
elif x == 3:
    y = 'three'
else:
    y = 'many'
if x:
    pass
if x > 1:
    print(x)
elif x < 0:
    print(-x)
if not x:
    y = 0
if x and y:
    print(x)
if x or y:
    print(y)
if x is None:
    y = 1
if x is not None:
    y = 2
z = x if y else 0
w = (1 if x else 2) if y else (3 if x else 4)
