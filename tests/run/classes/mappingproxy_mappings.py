# types.MappingProxyType over any mapping: reads go through the mapping's
# own methods (overrides, __missing__), `|`, reversed, and the errors.
import collections
import types

MP = types.MappingProxyType


def attempt(f, *args):
    try:
        print('ok', f(*args))
    except Exception as e:
        print(type(e).__name__, e)


chain = MP(collections.ChainMap({'x': 1}, {'y': 2}))
print(chain, 'x' in chain, 'z' in chain, chain['y'], len(chain), sorted(chain))
print(type(chain.copy()).__name__, chain.get('x'), chain.get('z'), chain.get('z', 0))
attempt(chain.__getitem__, 'z')


class Missing(dict):
    def __missing__(self, key):
        return 'missing=%s' % key


view = MP(Missing(x=1))
print(view['x'], view['y'], view.get('y'), 'y' in view)


class Custom(dict):
    def __contains__(self, key):
        return key == 'magic' or dict.__contains__(self, key)

    def __iter__(self):
        return iter(('iter',))

    def __len__(self):
        return 500

    def keys(self):
        return 'keys'

    def __getitem__(self, key):
        return 'getitem=%s' % dict.__getitem__(self, key)

    def get(self, key, default=None):
        return 'get=%s' % dict.get(self, key, 'default=%r' % default)


view = MP(Custom(key='value'))
print('magic' in view, view['key'], tuple(view), len(view), view.keys(), view.get('key'), view.get('xxx'))

d = {'a': 1, 'b': 2, 'foo': 0, 'c': 3}
view = MP(d)
del d['foo']
print(list(reversed(view)), view | {'c': 4, 'p': 0}, {'p': 0} | view)
print(MP(view), MP[int], view == d, view != d)
attempt(lambda: view | [('r', 2)])
attempt(lambda: [('r', 2)] | view)


def ior():
    v = view
    v |= {}


attempt(ior)
attempt(hash, view)
for bad in (10, ('a', 'tuple'), ['a', 'list']):
    attempt(MP, bad)
attempt(view.get)
attempt(view.keys, 1)
print(sorted(set(dir(view)) - set(dir(object()))))
