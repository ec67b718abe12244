def count(n):
    print("start")
    for i in range(n):
        print("yield", i)
        yield i
    print("end")

g = count(2)
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(next(g, "exhausted"))
print(list(count(3)))
print(iter(g) is g)

def empty():
    return
    yield
print(list(empty()))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
print(sum(x for x in range(5)), list(zip(fib(), "abc")))
