# Classes derived from types.GenericAlias, as _collections_abc's
# _CallableGenericAlias is.
from types import GenericAlias


class MyAlias(GenericAlias):
    __slots__ = ()

    def __new__(cls, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        return super().__new__(cls, origin, args + (str,))

    def __getitem__(self, item):
        return ("getitem", item)


a = MyAlias(list, (int,))
print(type(a).__name__, a.__origin__, a.__args__, a.__parameters__)
print(a[3], isinstance(a, GenericAlias), a == GenericAlias(list, (int, str)))
print(a.__mro_entries__(()), a.append is list.append)
b = GenericAlias(dict, int)
print(b, b.__args__, GenericAlias(tuple, ()).__args__)
for args in [(), (1,), (1, 2, 3)]:
    try:
        GenericAlias(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    GenericAlias(list, int, x=1)
except TypeError as e:
    print("TypeError", e)
try:
    a.anything
except AttributeError as e:
    print("AttributeError", e)
