# array.array: construction, every typecode, indexing, slicing, methods,
# operators and CPython's error messages.
import array
import sys

A = array.array
print(array.typecodes, array.ArrayType is A, A.__name__, A.__module__)
for tc in array.typecodes:
    a = A(tc)
    print(tc, a.typecode, a.itemsize, repr(a))

tests = """A(1)
A('ab')
A('x')
A('b', 1)
A('b', 'abc')
A('u', 'abc')
A('u', b'ab')
A('b', b'ab')
A('h', b'abc')
A('h', bytearray(b'ab'))
A('b', A('h', [1, 2]))
A('u', A('u', 'x'))
A('b', A('u', 'x'))
A('u', A('b', [1]))
A('f', A('d', [1.5]))
A('b', typecode='b')
A()
A('b', [1], 2)
A('i', range(3))
A('d', (x for x in [1, 2]))
A('b', [1, 2])[5]
A('b', [1, 2])[-1]
A('b', [1, 2])['a']
A('b', [1, 2]).index(5)
A('b', [1, 2]).remove(5)
A('b').pop()
A('b', [1]).pop(5)
A('b', [1, 2, 3]).pop(-2)
A('b', [1]) + A('h', [1])
A('b', [1]) + [1]
A('b', [1]) + A('b', [2, 3])
A('b', [1]) * 'a'
A('b', [1]) < A('h', [2])
A('b', [1]) == [1]
A('b', [1, 2]) == A('d', [1.0, 2.0])
A('b', [1, 2]) != A('b', [1])
A('b', [1, 2]) >= A('b', [1, 3])
A('d', [float('nan')]) == A('d', [float('nan')])
A('u', 'ab').tounicode()
A('b', [1]).tounicode()
A('b').fromunicode('a')
A('u').fromunicode(1)
A('b').frombytes('ab')
A('h').frombytes(b'abc')
A('b').fromlist((1,))
A('b').extend(A('h'))
A('b').extend(5)
A('u', 'hi')
A('u', '\\U0001f600\\x00')
A('d', [1.5, float('nan'), float('-inf'), -0.0])
A('f', [0.1, 1e300])
A('Q', [2**64 - 1])
A('q', [-2**63])
A('L', [2**64 - 1, 0])
A('I', [2**32 - 1])
A('B', [True, 255])
hash(A('b'))
A('b').buffer_info()[1]
A('b', [1, 2, 3, 2]).count(2)
A('d', [1.0, 2.0]).count(1)
A('b', [1, 2, 3, 2]).index(2, 2)
A('b', [1, 2, 3, 2]).index(2, -1)
A('b', [1, 2, 3, 2]).index(2, 0, 1)
A('b', [1]).insert(0)
bytes(A('h', [1, 256]))
bytearray(A('b', [1, -1]))
A('b', [5]) * 2
3 * A('b', [5])
A('b', [5]) * -1
1 in A('b', [1])
'a' in A('b', [1])
1.0 in A('d', [1])
A('b', [1, 2, 3])[::2]
A('b', [1, 2, 3])[::-1]
A('b', [1, 2, 3])[1:]
A('b', [1, 2, 3])[5:]
A('b', [1]).tofile(1)
A('b').fromfile(1, 1)
A('b').fromfile(open('/dev/null', 'rb'), 1)
A('b').fromfile(open('/dev/null', 'rb'), -1)
A('b', [1, 2]).__copy__()
A('b', [1, 2]).__deepcopy__(None)
A('b', [1]).__reduce_ex__(2)
A('u', 'ab').__reduce_ex__(3)
A('d', [1.5]).__reduce_ex__(4)
A('b', [1]).__reduce_ex__(1)
array._array_reconstructor(A, 'b', 0, b'a')
array._array_reconstructor(A, 'b', 1, b'a')
array._array_reconstructor(A, 'h', 5, b'\\x00\\x01\\x00\\x02')
array._array_reconstructor(A, 'd', 17, b'?\\xf8\\x00\\x00\\x00\\x00\\x00\\x00')
array._array_reconstructor(A, 'u', 18, 'hé'.encode('utf-16-le'))
array._array_reconstructor(A, 'x', 0, b'a')
array._array_reconstructor(A, 'b', 99, b'a')
array._array_reconstructor(1, 'b', 0, b'a')
array._array_reconstructor(int, 'b', 0, b'a')
array._array_reconstructor(A, 'b', 0, 'a')
len(A('q', range(10)))
list(A('h', [3, 1, 2]))
sorted(A('h', [3, 1, 2]))
sum(A('d', [0.5, 0.25]))"""
for t in tests.split("\n"):
    try:
        print(t, "->", repr(eval(t)))
    except Exception as e:
        print(t, "->", type(e).__name__ + ":", e)

a = A('i', range(10))
a[2] = -5
a[-1] = 99
a[1:3] = A('i', [7, 7, 7])
print(a)
a[::3] = A('i', [0, 0, 0, 0])
print(a)
del a[0]
del a[::2]
print(a)
del a[1:3]
print(a, len(a))
for bad in [lambda: a.__setitem__(50, 1), lambda: a.__delitem__(50),
            lambda: a.__setitem__(slice(0, 2), [1]),
            lambda: a.__setitem__(slice(0, 4, 2), A('i', [1])),
            lambda: a.__setitem__(slice(0, 2), A('h', [1])),
            lambda: a.__setitem__(0, 'x'), lambda: a.__setitem__(0, 2**40)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
a.append(4)
a.extend([5, 6])
a.extend(A('i', [7]))
a.insert(0, -1)
a.insert(100, 100)
a.insert(-100, -100)
a.reverse()
print(a, a.pop(), a.pop(0), a)
a.remove(4)
a += A('i', [1])
a *= 2
print(a)
try:
    a += [1]
except TypeError as e:
    print("TypeError", e)
b = A('h', [1, 256, -2])
b.byteswap()
print(b, b.tobytes())
b.frombytes(b'\x01\x00')
b.fromlist([9, 8])
try:
    b.fromlist([1, 'x'])
except TypeError as e:
    print("TypeError", e, b)
print(b.tolist())
u = A('u', 'abc')
u.fromunicode('de')
u[0] = 'z'
print(u, u.tounicode(), u.tolist())
it = iter(A('b', [1, 2]))
print(next(it), list(it), list(it))
c = A('b', [1, 2, 3])
it = iter(c)
next(it)
c.append(4)
print(list(it))


class Sub(A):
    def __init__(self, tc, init=()):
        self.extra = 1


s = Sub('b', [1, 2])
print(s, type(s[:1]).__name__, type(s + s).__name__, s.extra, isinstance(s, A))
print(s.__reduce_ex__(2)[0] is Sub, s.__reduce_ex__(2)[2])

import struct
print(struct.unpack('3h', A('h', [1, 2, 3])))
print(b"".join([A('B', [104, 105]).tobytes()]), bytes(A('u', 'a')))
c = A('b', [1])
it = iter(c)
print(list(it))
c.append(2)
print(list(it), list(iter(c)))
for args in [("", "b", 0, b""), (str, "b", 0, b""), (A, "b", "", b""), (A, "b", 0, "")]:
    try:
        array._array_reconstructor(*args)
    except Exception as e:
        print(type(e).__name__, e)

# Pickling arrays and their iterators (builtin functions pickle by name);
# an exhausted iterator lets its array go.
import pickle
pa = array.array('i', [1, 2, 3])
print([pickle.loads(pickle.dumps(pa, proto)) for proto in range(pickle.HIGHEST_PROTOCOL + 1)])
pit = iter(pa)
next(pit)
print(list(pickle.loads(pickle.dumps(pit))), pickle.loads(pickle.dumps(len)) is len, iter.__reduce__())
freed = []
class Tracked(array.array):
    def __del__(self):
        freed.append(True)
tit = iter(Tracked('b', [1]))
print(list(tit))
print(freed)
