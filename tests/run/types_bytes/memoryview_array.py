# memoryview over array.array: the array's format and itemsize, item and
# slice reads and writes, comparisons by value, BufferError while the
# array is exported, the float, bool and opaque ('w') formats, tuple
# keys, hash caching, weak references, released views, and writes into
# arrays through struct.pack_into.
import struct
import sys
import weakref
from array import array


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


a = array('i', [1, 2, 3, 4])
m = memoryview(a)
print(m.format, m.itemsize, len(m), m.nbytes, m.shape, m.strides, m.readonly, m.tolist(), m.obj is a)
print(m[0], m[-1], m[(1,)], m[::-1].tolist(), m[1:3].tolist(), m[::2].strides)
m[1] = 20
m[2:4] = array('i', [30, 40])
print(a)
attempt('float slice', lambda: m.__setitem__(slice(0, 2), array('d', [1, 2])))
attempt('bytes slice', lambda: m.__setitem__(slice(0, 1), b'abcd'))
attempt('range', lambda: m.__setitem__(0, 2 ** 40))
attempt('type', lambda: m.__setitem__(0, 'x'))
attempt('index', lambda: m[4])
attempt('key', lambda: m[0.0])
attempt('tuple2', lambda: m[0, 0])
attempt('tuple0', lambda: m[()])
attempt('slices', lambda: m[0:1, 0:1])
attempt('slices set', lambda: m.__setitem__((slice(0, 1), slice(0, 1)), 1))
attempt('mixed', lambda: m[0, 0:1])
print(m == array('i', [1, 20, 30, 40]), m == array('d', [1, 20, 30, 40]), m == [1, 20, 30, 40], m.cast('B') == a.tobytes())

for name, op in [('append', lambda: a.append(5)), ('extend', lambda: a.extend([5])), ('pop', lambda: a.pop()),
                 ('remove', lambda: a.remove(1)), ('insert', lambda: a.insert(0, 1)), ('frombytes', lambda: a.frombytes(b'1234')),
                 ('fromlist', lambda: a.fromlist([1])), ('imul', lambda: a.__imul__(2)), ('del', lambda: a.__delitem__(0)),
                 ('setslice', lambda: a.__setitem__(slice(0, 0), a)), ('same size', lambda: a.__setitem__(slice(0, 1), array('i', [9])))]:
    attempt(name, op)
attempt('empty extend', lambda: a.extend([]))
attempt('imul 1', lambda: a.__imul__(1))
print(a)
m.release()
a.append(50)
print(a, len(a))
with memoryview(a) as m2:
    attempt('inside with', lambda: a.append(1))
a.append(60)
print(a)

d = memoryview(array('d', [1.5, float('nan'), -0.0]))
print(d.format, d.tolist(), d == d, d[0] == 1.5)
d[0] = 3
d[2] = 2.25
print(d.tolist())
attempt('float type', lambda: d.__setitem__(0, 'x'))
f = memoryview(array('f', [0.5, 1.0]))
f[0] = 1e300
print(f.format, f.itemsize, f.tolist())
print(memoryview(b'\x01\x00\x02').cast('?').tolist())
bv = memoryview(bytearray(2)).cast('?')
bv[0] = 5
bv[1] = []
print(bv.tolist(), bytes(bv.obj))

u = memoryview(array('u', 'ab'))
print(u.format, u.itemsize, u.nbytes, u.tobytes() == array('u', 'ab').tobytes(), u == u, u.cast('B').nbytes)
attempt('u tolist', u.tolist)
attempt('u item', lambda: u[0])
attempt('u cast', lambda: u.cast('i'))
attempt('cast bad', lambda: memoryview(b'abcd').cast('e'))
attempt('cast u', lambda: memoryview(b'abcd').cast('u'))
print(memoryview(b'abcdefgh').cast('P').itemsize, memoryview(b'abcdefgh').cast('d').format)

h = memoryview(b'abcdef')
print(hash(h) == hash(b'abcdef'))
h.release()
print(hash(h) == hash(b'abcdef'))
h2 = memoryview(b'abcdef')
h2.release()
attempt('hash released', lambda: hash(h2))
attempt('hash writable', lambda: hash(memoryview(a)))
attempt('hash format', lambda: hash(memoryview(a).toreadonly()))

dead = []
mv = memoryview(b'xyz')
r = weakref.ref(mv, lambda w: dead.append('view'))
arr = array('b', [1])
ra = weakref.ref(arr, lambda w: dead.append('array'))
print(r() is mv, ra() is arr)
del mv, arr
print(r(), ra(), dead)
mod = type(sys)('m')
rm = weakref.ref(mod)
print(rm() is mod)
del mod
print(rm())

size = 16
ba = None
def release():
    global ba
    v.release()
    ba = bytearray(size)
class MyIndex:
    def __index__(self):
        release()
        return 4
v = memoryview(bytearray(b'\xff' * size))
attempt('released by index', lambda: v[MyIndex()])
v = memoryview(bytearray(b'\xff' * size))
print(list(v[:MyIndex()]))
v = memoryview(bytearray(b'\xff' * size))
attempt('released by set', lambda: v.__setitem__(0, MyIndex()))
v = memoryview(bytearray(b'\xff' * size))
attempt('released by slice set', lambda: v.__setitem__(slice(0, MyIndex()), b'spam'))

buf = array('i', [0, 0, 0])
struct.pack_into('i', buf, 4, 7)
print(buf)
struct.pack_into('h', memoryview(buf)[1:], 0, -1)
print(buf)
attempt('pack_into bytes', lambda: struct.pack_into('i', b'1234', 0, 1))
attempt('pack_into ro view', lambda: struct.pack_into('i', memoryview(buf).toreadonly(), 0, 1))
print(struct.unpack_from('i', memoryview(buf), 4), bytes(memoryview(array('B', [65, 66]))))
