for i in range(3):
    pass
else:
    print("for-else ran, i =", i)
for i in range(3):
    if i == 1:
        break
else:
    print("never")
print("broke at", i)
n = 0
while n < 3:
    n += 1
else:
    print("while-else ran, n =", n)
while True:
    n -= 1
    if n == 0:
        break
    if n % 2:
        continue
    print("even", n)
for x in []:
    print("never")
else:
    print("empty for still runs else")
out = []
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == j:
            continue
        out.append((i, j))
print(out)
lst = [1, 2, 3]
for v in lst:
    if v == 2:
        lst.append(4)
print(lst)
d = {"a": 1}
try:
    for k in d:
        d["new"] = 2
except RuntimeError as e:
    print(type(e).__name__, e)
s = {1}
try:
    for k in s:
        s.add(2)
except RuntimeError as e:
    print(type(e).__name__, e)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
