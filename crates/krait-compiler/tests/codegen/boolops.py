a = 1
b = 0
c = a and b
d = a or b
e = a and b or c
f = (a or b) and c
g = a and b and c
h = a or b or c
if a and b or c:
    print(1)
if (a or b) and c:
    print(2)
while a and not b:
    a = 0
i = not a
j = a < b < c
if a < b < c:
    print(3)
