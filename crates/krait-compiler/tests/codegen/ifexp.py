x = 1
y = 2
while (x if y else y):
    x = x - 1
for i in (range(3) if x else range(2)):
    print(i if i else -i)
z = [x if y else 0, y if x else 1]
if (x if y else 0):
    print(z)
t = (x, y) if x > y else (y, x)
u = not (x if y else 0)
def f(a, b):
    return (a and b) if a else (b or a)
print(f(x, y), t, u)
