# Substituting type parameters into generic aliases and unions:
# TypeVarTuple, unpacked tuples, __typing_subst__ checks, union subscription.
import pickle
import typing
from typing import TypeVar, TypeVarTuple, ParamSpec, Tuple, Unpack

T = TypeVar('T')
T1 = TypeVar('T1')
T2 = TypeVar('T2')
Ts = TypeVarTuple('Ts')
P = ParamSpec('P')

def show(label, thunk):
    try:
        print(label, '->', repr(thunk()))
    except Exception as e:
        print(label, '->', type(e).__name__, e)

show('tuple[*Ts][int, str]', lambda: tuple[*Ts][int, str])
show('tuple[*Ts][()]', lambda: tuple[*Ts][()])
show('tuple[T, *Ts][int]', lambda: tuple[T, *Ts][int])
show('tuple[T, *Ts][int, str, bool]', lambda: tuple[T, *Ts][int, str, bool])
show('tuple[*Ts, T][int, str]', lambda: tuple[*Ts, T][int, str])
show('tuple[list[T], *Ts][int, str]', lambda: tuple[list[T], *Ts][int, str])
show('tuple[T1, *Ts, T2][int]', lambda: tuple[T1, *Ts, T2][int])
show('dict[T1, T2][*tuple[int, str]]', lambda: dict[T1, T2][*tuple[int, str]])
show('tuple[*Ts][str, *tuple[int, ...], bool]', lambda: tuple[*Ts][str, *tuple[int, ...], bool])
show('tuple[T1, *tuple[T2, ...]][int, str]', lambda: tuple[T1, *tuple[T2, ...]][int, str])
show('tuple[*Ts, T][str, *tuple[int, ...]]', lambda: tuple[*Ts, T][str, *tuple[int, ...]])
show('Tuple[*Ts][int, str]', lambda: Tuple[*Ts][int, str])
show('list[T][int, str]', lambda: list[T][int, str])
show('list[int][str]', lambda: list[int][str])
show('list[T][Unpack[Ts]]', lambda: list[T][Unpack[Ts]])
show('list[T][typing.Final]', lambda: list[T][typing.Final])
show('list[T][typing.ClassVar[int]]', lambda: list[T][typing.ClassVar[int]])
show('list[T][typing.Generic]', lambda: list[T][typing.Generic])
show('list[T][42]', lambda: list[T][42])
show('starred kept', lambda: (*tuple[T],)[0][int])

# Unions of types.
S = TypeVar('S')
show('(float | list[T])[int]', lambda: (float | list[T])[int])
show('list[int | list[T]].__parameters__', lambda: list[int | list[T]].__parameters__)
show('list[int | list[T]][str]', lambda: list[int | list[T]][str])
show('(list[T] | list[S]).__parameters__', lambda: (list[T] | list[S]).__parameters__)
show('(list[T] | list[S])[int, T]', lambda: (list[T] | list[S])[int, T])
show('(list[T] | list[S])[int, int]', lambda: (list[T] | list[S])[int, int])
show('(int | str)[int]', lambda: (int | str)[int])
show('(int | list[T])[int, str]', lambda: (int | list[T])[int, str])
show('(int | str).__module__', lambda: (int | str).__module__)
u = list[T] | int
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    v = pickle.loads(pickle.dumps(u, proto))
    print(proto, v, v == u, v.__parameters__)

# dir() of an alias: the origin's names and the alias's own.
import types, weakref, collections, array
d = set(dir(list[int]))
print(d.issuperset(dir(list)), sorted(n for n in d if n not in dir(list)))
print(types.AsyncGeneratorType[int])
# Subclasses of weak-referenceable built-ins stay weak-referenceable.
class CA(types.GenericAlias):
    __slots__ = ()
for t, arg in [(CA, (list, int)), (set, ()), (frozenset, ()), (collections.deque, ()), (collections.OrderedDict, ()), (array.array, ('i',))]:
    S = type('S', (t,), {'__slots__': ()}) if t is not CA else CA
    x = S(*arg)
    print(t.__name__, weakref.ref(x)() is x)
class LS(list):
    __slots__ = ()
try:
    weakref.ref(LS())
except TypeError as e:
    print(e)
