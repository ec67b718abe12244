# list[int] and int | str: types.GenericAlias and types.UnionType.
import types
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int], set[frozenset[int]])
a = list[int]
print(a.__origin__, a.__args__, a.__parameters__, a == list[int], a != list[str], hash(a) == hash(list[int]))
print(type(a) is types.GenericAlias, type(a).__name__, type(a).__module__, a.__name__, a.__qualname__)
print(a(range(3)), a([1]) == [1], isinstance(a(), list))
print(a.append is list.append, a.__class__)
class Box(list[int]):
    pass
print(Box.__mro__, Box.__orig_bases__, Box([1, 2]))
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError:", e)
try:
    list[int][str]
except TypeError as e:
    print("TypeError:", e)
class Local:
    pass
print(dict[Local, ...], list[types.SimpleNamespace])

u = int | str
print(u, type(u) is types.UnionType, u.__args__, int | None, None | int if False else "skip")
print(isinstance(3, u), isinstance("x", u), isinstance(3.0, u), issubclass(bool, int | float), issubclass(str, int | float))
print(int | int, (int | str) | float, int | str == str | int, hash(int | str) == hash(str | int))
print(list[int] | None, (int | list[str]).__args__)
try:
    int | 3
except TypeError as e:
    print("TypeError:", e)
print(isinstance(None, int | None), isinstance(1, (str, int | float)))

# Built-in descriptors and their __get__.
def f(*args):
    return len(args)
code_attr = types.FunctionType.__code__
print(type(code_attr).__name__, code_attr, code_attr.__get__(f) is f.__code__)
print(type(types.FunctionType.__globals__).__name__, types.FunctionType.__globals__.__get__(f) is globals())
bound = f.__get__(Local())
print(type(bound).__name__, bound())
print(property.__get__(property(lambda self: 42), 1))
try:
    code_attr.__get__(5)
except TypeError as e:
    print("TypeError:", e)
try:
    types.FunctionType.__globals__.__set__(f, None)
except AttributeError as e:
    print("AttributeError:", e)
try:
    code_attr.__set__(f, None)
except TypeError as e:
    print("TypeError:", e)
