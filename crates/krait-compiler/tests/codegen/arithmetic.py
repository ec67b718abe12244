x = 1
y = x + 2 * -3
z = (x - y) // 4 % 5 ** 2
w = ~x, -y, +z, not x
s = "ab" + "cd" * 3
f = 1.5 * 2 - 0.25 / 2
print(x, y, z, w, s, f)
