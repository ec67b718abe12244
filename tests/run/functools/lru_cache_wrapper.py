# functools.lru_cache (the native _lru_cache_wrapper): hits, misses,
# eviction order, typed keys, keyword keys, re-entrant calls, clearing,
# methods, copies and errors.
import copy
import functools
import pickle
from collections import namedtuple
from functools import _lru_cache_wrapper, lru_cache

calls = []


@lru_cache(maxsize=2)
def square(x):
    calls.append(x)
    return x * x


for x in [1, 2, 1, 3, 2, 1]:
    square(x)
print(calls, square.cache_info())
square.cache_clear()
print(square.cache_info(), square(4), square.cache_info())


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@lru_cache(maxsize=3)
def fibb(n):
    return n if n < 2 else fibb(n - 1) + fibb(n - 2)


print(fibb(30), fibb.cache_info())


@lru_cache(typed=True)
def typed(x):
    return type(x).__name__


print(typed(3), typed(3.0), typed(True), typed.cache_info())


@lru_cache
def kw(a, b=1, *, c=2):
    return a + b + c


print(kw(1), kw(1, 2), kw(1, b=2), kw(b=2, a=1), kw(1, c=5), kw.cache_info())
print(kw.cache_parameters(), kw.__wrapped__.__name__, kw.__name__, kw.__qualname__)

none = lru_cache(maxsize=0)(lambda x: x)
print(none(1), none(1), none.cache_info())
neg = lru_cache(maxsize=-3)(lambda x: x)
print(neg(1), neg.cache_info())


class Key:
    """A key whose __eq__ runs Python code (and counts the calls)."""
    eqs = 0

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        Key.eqs += 1
        return self.v == other.v


@lru_cache(maxsize=2)
def ident(k):
    return k.v


print(ident(Key(1)), ident(Key(1)), ident(Key(2)), ident(Key(3)), ident.cache_info(), Key.eqs)


# A call that clears its own cache mid-way.
@lru_cache(maxsize=2)
def clears(x):
    if x == 0:
        clears.cache_clear()
    return x


print([clears(x) for x in [1, 2, 0, 1, 2, 3, 0]], clears.cache_info())


class C:
    @lru_cache
    def m(self, x):
        return x + 1


c = C()
print(c.m(1), c.m(1), type(C.__dict__["m"]).__name__, C.m.__get__(None, C) is C.m, type(c.m).__name__)
print(copy.copy(square) is square, copy.deepcopy(square) is square)
print(pickle.loads(pickle.dumps(square)) is square, square.__reduce__())
print(type(square).__module__, type(square).__qualname__, square.__dict__.keys() >= {"__wrapped__"})

CI = namedtuple("CI", "hits misses maxsize currsize")
w = _lru_cache_wrapper(abs, 2, 0, CI)
print(w(-1), w(-1), w.cache_info())
for args in [(1, 2, False, CI), (abs, "x", False, CI), (abs, 1, False), (abs, 1, False, CI, 5)]:
    try:
        _lru_cache_wrapper(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    w([])
except TypeError as e:
    print("TypeError", e)
try:
    class Sub(type(w)):
        pass
except TypeError as e:
    print("TypeError", e)
