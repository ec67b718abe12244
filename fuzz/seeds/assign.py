x = 1
a, b = b, a
x += 2
y: int = 3
