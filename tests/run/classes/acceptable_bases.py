# Which built-in types a class may derive from: __flags__'s BASETYPE bit
# and class creation agree, and refused bases raise CPython's TypeError.
import builtins, types, collections, itertools, operator, io, array, weakref, re, sys, _thread

BASETYPE = 1 << 10
candidates = [t for t in vars(builtins).values() if isinstance(t, type) and not issubclass(t, BaseException) and t.__module__ == 'builtins']
candidates += [t for m in (types, itertools, collections, io, array, weakref) for t in vars(m).values()
               if isinstance(t, type) and t.__module__ in ('builtins', 'types', 'itertools', '_collections', 'collections', '_io', 'array', '_weakref', 'weakref')
               and not any(callable(v) and type(v).__name__ == 'function' for v in vars(t).values())]
candidates += [type(iter([])), type(iter(())), type(iter('')), type({}.keys()), type({}.values()), type({}.items()),
               type(iter({})), type(iter(range(1))), type(iter(set())), type(reversed([])), type(x for x in ()),
               type(int.__add__), type(str.join), type((1).__add__), type(type.__dict__['__name__']),
               type(complex.real), type(int | str), type(memoryview(b'')), type(type.__dict__),
               type(sys._getframe()), type(re.compile('a')), type(re.match('a', 'a')),
               operator.itemgetter, operator.attrgetter, operator.methodcaller, type(_thread.allocate_lock())]
seen = set()
for t in sorted(candidates, key=lambda t: (t.__module__, t.__qualname__)):
    # (Krait's bound built-in methods have a type of their own, named
    # as the functions' type.)
    if (t.__module__, t.__qualname__) in seen:
        continue
    seen.add((t.__module__, t.__qualname__))
    try:
        type('X', (t,), {})
        outcome = 'ok'
    except TypeError as e:
        outcome = str(e)
    print(f'{t.__module__}.{t.__qualname__}', bool(t.__flags__ & BASETYPE), outcome)
print(bool(_thread.RLock.__flags__ & BASETYPE))
