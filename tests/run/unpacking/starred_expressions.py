a = [1, 2]
b = (3, 4)
print([*a, *b, 5], (*a, *b), {*a, *b} == {1, 2, 3, 4}, [*"hi"], [*range(3), *{}])
d1 = {"x": 1, "y": 2}
d2 = {"y": 20, "z": 30}
print({**d1, **d2}, {**d2, **d1}, {"y": 0, **d1, "x": -1})
print(*a, *b, sep="-")
print(dict(**d1, w=0), [*a] is a, (*a,))
t = *a, *b
print(t, type(t).__name__)
first, *_ = *b, *a
print(first)
def f(*args, **kwargs):
    return args, kwargs
print(f(*a, 0, *b, k=1, **d1))
try:
    [*None]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {**[1]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {**{1: 2}, **None}
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**d1, **{"x": 5})
except TypeError as e:
    print(type(e).__name__, e)
print({**{}, **{}}, [*[], *()], (*(),))
