# Argument checks and edge cases of __import__, sum, vars, dir, getattr
# with a surrogate name, bool(NotImplemented), bytearray.join under a
# resizing iterator, input() with a stdout lacking flush.
import io
import sys
import types
import warnings


def attempt(f, *args, **kwargs):
    try:
        print('ok', repr(f(*args, **kwargs))[:70])
    except Exception as e:
        print(type(e).__name__, ascii(str(e)))


attempt(__import__, 'sys', name='sys')
attempt(__import__, 1, 2, 3, 4)
attempt(__import__, '')
attempt(__import__, 'string\x00')
attempt(__import__, 'no_such_module_x')
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    attempt(__import__, '', {'__package__': None, '__spec__': None, '__name__': '__main__'},
            locals={}, fromlist=('foo',), level=1)
print([str(x.message) for x in w], [x.category.__name__ for x in w])

attempt(sum, [b'a', b'c'], b'')
attempt(sum, [bytearray(b'a')], bytearray(b''))
attempt(sum, ['a'], '')
attempt(sum, [[1], [2]], [])


class DictProperty:
    def get_dict(self):
        return {'a': 2}
    __dict__ = property(fget=get_dict)


attempt(vars, DictProperty())
attempt(vars, 42)
attempt(vars, 42, 42)


class BadDictModule(types.ModuleType):
    __dict__ = 8


attempt(dir, BadDictModule('m'))


class NoClass:
    __slots__ = ['__class__', '__dict__']

    def __init__(self):
        self.bar = 'wow'


names = dir(NoClass())
print('__repr__' in names, 'bar' in names)


class Keys:
    def __getitem__(self, k):
        if k == 'dir':
            return dir
        raise KeyError(k)

    def keys(self):
        return list('zyx')


print(eval('dir()', {}, Keys()))
try:
    raise IndexError
except IndexError as e:
    print(dir(e.__traceback__))

for f in (getattr, hasattr, delattr):
    attempt(f, 1, '\udad1\ud51e')
attempt(setattr, 1, '\udad1\ud51e', 1)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(bool(NotImplemented), not NotImplemented)
    if NotImplemented:
        pass
print(len(w), [str(x.message) for x in w][:1], w[0].category.__name__)

array = bytearray(b',')


def clearing():
    array.clear()
    yield b'A'
    yield b'B'


attempt(array.join, clearing())
print(array, bytearray(b',').join(iter([b'A', b'B'])))


class BitBucket:
    def write(self, line):
        pass


saved = sys.stdin, sys.stdout
sys.stdin = io.StringIO('line one\n')
sys.stdout = BitBucket()
try:
    got = input('prompt')
finally:
    sys.stdin, sys.stdout = saved
print(got)
