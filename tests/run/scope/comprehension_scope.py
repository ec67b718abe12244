x = "outer"
result = [x for x in range(3)]
print(x, result)

def f():
    y = 10
    return [y + i for i in range(3)]
print(f())

print([(i, j) for i in range(3) for j in range(i)])
print([[i * j for j in range(3)] for i in range(3)])

def g():
    items = [lambda: i for i in range(3)]
    return [h() for h in items]
print(g())

gen = (x for x in range(3))
print(list(gen), list(gen))

i = "unchanged"
{i: i for i in range(2)}
print(i)
print({c for c in "aaa"})
try:
    [undefined_name for _ in range(1)]
except NameError as e:
    print(type(e).__name__, e)
first = [0]
print([n for n in first for first in [[5]]])
