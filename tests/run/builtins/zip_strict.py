# zip(strict=True) and assigning a function's __defaults__/__kwdefaults__.
print(list(zip([1, 2], "ab", strict=True)), list(zip(strict=True)), list(zip([1], [2], strict=0)))
for args in [([1, 2], [1]), ([1], [1, 2]), ([1, 2], [1, 2], [1]), ([1, 2], [1, 2], [1, 2, 3]), ([], [], [1])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError", e)
try:
    zip([1], bogus=True)
except TypeError as e:
    print("TypeError", e)


def boom():
    yield 1
    raise KeyError("from the iterator")


try:
    list(zip([1, 2], boom(), strict=True))
except KeyError as e:
    print("KeyError", e)
z = zip([1, 2, 3], [4, 5], strict=True)
print(next(z), next(z))
try:
    next(z)
except ValueError as e:
    print("ValueError", e)


def f(a, b=2, *, c=3):
    return a, b, c


f.__defaults__ = (20,)
f.__kwdefaults__ = {"c": 30}
print(f(1), f.__defaults__, f.__kwdefaults__)
f.__defaults__ = None
try:
    f(1)
except TypeError as e:
    print("TypeError", e)
del f.__kwdefaults__
print(f.__defaults__, f.__kwdefaults__)
try:
    f(1, 2)
except TypeError as e:
    print("TypeError", e)
for attr, value in [("__defaults__", [1]), ("__kwdefaults__", (1,))]:
    try:
        setattr(f, attr, value)
    except TypeError as e:
        print("TypeError", e)
f.__defaults__ = (7, 8)
print(f(c=0), f.__defaults__)
