# The built-in iterators' __reduce__/__setstate__/__length_hint__, pickling
# and copying them, subclassing the iterator adapters, and the related
# container fixes (set keys looked up as frozensets, list.pop's argument
# order, keywords for subclasses, list comparison under mutation).
import copy
import pickle


class S:
    def __repr__(self):
        return 'S()'

    def __getitem__(self, i):
        if i < 3:
            return i * 10
        raise IndexError


def describe(r):
    out = [getattr(r[0], '__name__', r[0])]
    for a in r[1:]:
        out.append(tuple(type(x).__name__ if 'iter' in type(x).__name__ else x for x in a) if isinstance(a, tuple) else a)
    return tuple(out)


makers = [
    ('list', lambda: iter([1, 2, 3])), ('reversed list', lambda: reversed([1, 2, 3])),
    ('tuple', lambda: iter((1, 2, 3))), ('range', lambda: iter(range(5))),
    ('longrange', lambda: iter(range(2**70, 2**70 + 5))), ('reversed range', lambda: reversed(range(5))),
    ('set', lambda: iter({1, 2, 3})), ('dict', lambda: iter({1: 2, 3: 4})),
    ('dict values', lambda: iter({1: 2, 5: 6}.values())), ('dict items', lambda: iter({1: 2, 5: 6}.items())),
    ('reversed dict', lambda: reversed({1: 2, 3: 4})), ('str', lambda: iter('abc')), ('str wide', lambda: iter('abé')),
    ('bytes', lambda: iter(b'abc')),
    ('reversed str', lambda: reversed('abc')), ('getitem', lambda: iter(S())),
]
for name, make in makers:
    it = make()
    print(name, type(it).__name__, [m for m in ('__length_hint__', '__setstate__') if hasattr(it, m)])
    print('  fresh', describe(it.__reduce__()), it.__length_hint__() if hasattr(it, '__length_hint__') else '-')
    next(it)
    print('  one', describe(it.__reduce__()))
    for proto in (0, 2, 5):
        print('  pickled', proto, list(pickle.loads(pickle.dumps(it, proto))))
    print('  copied', list(copy.copy(it)), list(copy.deepcopy(it)))
    print('  left', list(it), describe(it.__reduce__()))
    if hasattr(it, '__length_hint__'):
        print('  hint', it.__length_hint__())

it = iter(bytearray(b'ab'))
print(it.__length_hint__(), next(it), it.__reduce__()[1:], list(it), it.__reduce__())
it = iter([4, 3, 2, 1].pop, 2)
print(next(it), it.__reduce__()[1][1], list(it), it.__reduce__())

# __setstate__ clamps; bad states raise as CPython's.
it = iter([1, 2, 3])
it.__setstate__(-5); print(next(it))
it.__setstate__(10); print(list(it))
for bad in ('x', 2**80):
    try:
        iter([1]).__setstate__(bad)
    except Exception as e:
        print(type(e).__name__, e)
it = reversed([1, 2, 3]); it.__setstate__(99); print(list(it))
it = iter(range(2**32 + 2)); it.__setstate__(2**32 + 1); print(it.__reduce__()[2], next(it))
it = iter(range(10)); it.__setstate__(7); print(list(it))
it = iter('héllo'); it.__setstate__(2); print(list(it))
it = iter(S()); it.__setstate__(-42); print(next(it))

# Adapters reduce to their own type, and may be derived from.
for it in (enumerate('ab', 5), zip('ab', 'cd'), zip('ab', 'cd', strict=True), map(pow, [2, 3], [3, 2]), filter(None, [0, 1, 2])):
    r = it.__reduce__()
    print(r[0].__name__, len(r[1]), r[2:] if len(r) > 2 else '', list(pickle.loads(pickle.dumps(it))))
print(list(enumerate('abc', 2**64)))
print(list(pickle.loads(pickle.dumps(enumerate('ab', 2**64)))))


class MyEnum(enumerate):
    pass


class MyZip(zip):
    def first(self):
        return next(self)


class MyRev(reversed):
    pass


e = MyEnum('ab')
e.note = 1
print(type(e).__name__, list(e), e.note, type(pickle.loads(pickle.dumps(MyEnum('x')))).__name__)
print(MyZip('ab', 'cd').first(), list(MyRev([1, 2, 3])), type(MyRev('ab').__reduce__()[0]).__name__)
print(enumerate[int], list(map(lambda x: x, filter(bool, [0, 3]))))

# A reduce that exhausts the iterator while looking its builtin up.
import builtins
saved = builtins.iter


class Key:
    def __init__(self, it):
        self.it = it

    def __hash__(self):
        return hash('iter')

    def __eq__(self, other):
        list(self.it)
        return other == 'iter'


it = iter([1, 2, 3])
del builtins.__dict__['iter']
builtins.__dict__[Key(it)] = saved
try:
    print(it.__reduce__())
finally:
    del builtins.__dict__['iter']
    builtins.__dict__['iter'] = saved

# iter(f, sentinel) whose call exhausts the iterator itself (gh-101892).
def spam():
    if spam.again:
        return 2
    spam.again = True
    list(spam.it)
    return 1


spam.again = False
spam.it = iter(spam, 2)
print(list(spam.it))

# Exhausted iterators let go of what they iterated.
class L(list):
    def __del__(self):
        print('freed')


it = iter(L([1]))
items = list(it)
print('after', items)

# Sets: pickling, set keys looked up as frozensets.
class Sub(set):
    pass


x = Sub([1, 2]); x.tag = 'x'
print(set([3, 1]).__reduce__(), frozenset([2]).__reduce__())
y = pickle.loads(pickle.dumps(x)); print(type(y).__name__, sorted(y), y.tag)
s = {frozenset({1})}
print({1} in s, s.__contains__({1})); s.discard({1}); print(s)
try:
    set().remove({5})
except KeyError as e:
    print(repr(e))

# list.pop checks its argument before the list's size.
for args in ((1, 2), ('x',), (2**100,)):
    try:
        [].pop(*args)
    except Exception as e:
        print(type(e).__name__, e)
t = (1, 2)
print(tuple(t) is t, tuple.__itemsize__, list.__itemsize__)


class T(tuple):
    def __init__(self, seq, extra=None):
        self.extra = extra


class F(frozenset):
    def __init__(self, seq, extra=None):
        self.extra = extra


class LN(list):
    def __new__(cls, seq, extra=None):
        self = super().__new__(cls, seq)
        self.extra = extra
        return self


print(T([1], extra=3).extra, F([1], extra=4).extra, LN([1], extra=5).extra, list(LN([1, 2], extra=5)))
try:
    tuple(sequence=())
except TypeError as e:
    print(e)


# A comparison that empties the lists it compares.
class X:
    def __eq__(self, other):
        b.clear()
        return NotImplemented


class Y:
    def __eq__(self, other):
        a.clear()
        return NotImplemented


a, b = [X()], [Y()]
print(a == b, a, b)
print(repr(next(iter(tuple[int]))), next(iter(tuple[int])).__unpacked__)
