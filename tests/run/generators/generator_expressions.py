g = (x * 2 for x in range(4))
print(type(g).__name__, next(g), list(g), list(g))

def source():
    print("source evaluated")
    return range(3)
g = (x for x in source())
print("genexp made")
print(list(g))

try:
    g = (x for x in 5)
except TypeError as e:
    print(type(e).__name__, e)

g = (1 / x for x in [1, 0])
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(next(g, "finished after error"))

nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
print(sum(1 for _ in range(1000)))
g = (x for x in [1])
print(g.send(None))
try:
    g.send(1)
except StopIteration:
    print("stop")
