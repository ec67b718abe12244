first, *rest = [1, 2, 3]
*init, last = "abcd"
a, *middle, b = range(6)
print(first, rest, init, last, a, middle, b)
x, y = (i * i for i in range(2))
print(x, y)
p, q = {7: 1, 8: 2}
print(p, q)
for h, *t in [(1, 2, 3), (4,)]:
    print(h, t)
for s in ['a, b = 1', 'a, b = [1]', 'a, b = [1, 2, 3]', 'a, *b, c = [1]', 'a, b = iter([1, 2, 3])', 'a, b = (x for x in range(5))', '*a, b = 5']:
    pass
try:
    a, b = 1
except TypeError as e:
    print(e)
try:
    a, b = iter([1, 2, 3])
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    a, b, c = (x for x in range(2))
except ValueError as e:
    print(e)
