a, *b = [1, 2, 3]
print(a, b)
*a, b = "xyz"
print(a, b)
a, *b, c = range(5)
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
[a, [b, *c]] = [1, (2, 3, 4)]
print(a, b, c)
(a, b), *rest = [(1, 2), 3, 4]
print(a, b, rest)
*everything, = {"k": 1, "j": 2}
print(everything)
for first, *others in ["abc", [1], (2, 3)]:
    print(first, others)
x = y = z = [0]
x.append(1)
print(y, z is x)
i, lst = 0, [10, 20]
i, lst[i] = 1, 99
print(i, lst)
a = [1, 2, 3]
a[0], a[2] = a[2], a[0]
print(a)
d = {}
d["k"], d["j"] = "kv", "jv"
print(d)
