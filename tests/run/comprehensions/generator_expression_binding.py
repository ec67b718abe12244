# The first iterable of a genexp is evaluated at once; the rest lazily.
xs = [1, 2, 3]
g = (x for x in xs)
xs = [10, 20]
print(list(g))

ys = [1, 2]
g2 = (x * y for x in [1, 2] for y in ys)
ys = [100]
print(list(g2))

def trace(label, value):
    print("evaluating", label)
    return value
g3 = (a + b for a in trace("outer", [1, 2]) for b in trace("inner", [10]))
print("created")
print(list(g3))
try:
    g4 = (x for x in undefined_name)
except NameError as e:
    print(type(e).__name__, e)
g5 = (x for x in [1] if undefined_in_condition)
print("condition not evaluated yet")
try:
    list(g5)
except NameError as e:
    print(type(e).__name__, e)
class C:
    data = [1, 2]
    gen = list(d * 2 for d in data)
print(C.gen)
