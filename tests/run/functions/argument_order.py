def log(x):
    print("eval", x)
    return x

def f(*args, **kwargs):
    return args, kwargs

print(f(log(1), log(2), k=log(3), **{"j": log(4)}))
print(f(*[log(5)], log(6), *[log(7)]))

def g(a, b, c):
    return a, b, c
print(g(log("a"), c=log("c"), b=log("b")))

class D(dict):
    pass
d = {}
d[log("key")] = log("value")
print(d)

x = [log("l0"), log("l1")][log(0)]
print(x)
print(log(1) + log(2) * log(3))
