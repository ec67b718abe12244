print(sum(x * x for x in range(10)))
print(list(x for x in "abc"))
print(max((len(w), w) for w in ["apple", "fig", "banana"]))
print(",".join(str(i) for i in range(5)))
print(dict((k, len(k)) for k in ["a", "bb"]))
print(sorted((x % 3, x) for x in range(6)))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in [1, -1]))

def f(*args, **kw):
    return args, kw
print(f(x for x in [1, 2]) [0][0].__class__.__name__)
print(tuple(i for i in range(3) if i))
