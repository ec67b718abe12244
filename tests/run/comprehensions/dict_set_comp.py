print({k: v for k, v in zip("abc", range(3))})
print({x: x ** 2 for x in range(5) if x != 2})
print({v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()})
print(sorted({x % 4 for x in range(20)}))
print({(i, i) for i in range(1)})
print({k: [v for v in range(k)] for k in range(4)})
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
by_letter = {w[0]: [x for x in words if x[0] == w[0]] for w in words}
print(by_letter)
order = []
def key(x):
    order.append(("key", x))
    return x
def val(x):
    order.append(("val", x))
    return x * 10
print({key(i): val(i) for i in range(2)})
print(order)
try:
    {[]: 1 for _ in range(1)}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {x for x in [[1]]}
except TypeError as e:
    print(type(e).__name__, e)
print(type({x for x in ()}).__name__, {x: x for x in ()})
