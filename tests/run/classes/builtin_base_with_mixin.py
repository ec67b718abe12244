# A class may derive from a built-in type and plain classes at once (the
# plain ones add no lay-out: enum's IntEnum is int + ReprEnum); two
# different built-in bases still conflict. types.MappingProxyType(mapping).
import types

class Plain:
    def hello(self):
        return 'hello %r' % (self,)

class Mixin(Plain):
    pass

class MyInt(int, Mixin):
    pass

class MyInt2(Mixin, int):
    pass

class MyStr(Plain, str):
    pass

for v in (MyInt(5), MyInt2(7), MyStr('x')):
    print(type(v).__name__, v, v + v, v.hello(), isinstance(v, Plain), [c.__name__ for c in type(v).__mro__])
try:
    class Both(int, str):
        pass
except TypeError as e:
    print('TypeError', e)
try:
    class Both2(MyInt, MyStr):
        pass
except TypeError as e:
    print('TypeError', e)

d = {'a': 1}
p = types.MappingProxyType(d)
print(p['a'], len(p), list(p), 'a' in p, p.get('b', 2))
d['b'] = 2
print(sorted(p.items()))
for arg in ([1], (1,), 1, None):
    try:
        types.MappingProxyType(arg)
    except TypeError as e:
        print('TypeError', e)
try:
    types.MappingProxyType()
except TypeError as e:
    print('TypeError', e)
print(types.MappingProxyType(types.MappingProxyType(d))['b'], type(types.MappingProxyType(Plain.__dict__)).__name__)
