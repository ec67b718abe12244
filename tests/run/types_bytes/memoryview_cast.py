# memoryview.cast to the native integer formats and back (re._compiler
# reads its big charsets so), items in native order, with CPython's errors.
import sys

b = bytes(range(16))
for fmt in ['h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N', '@I']:
    m = memoryview(b).cast(fmt)
    print(fmt, m.format, m.itemsize, len(m), m.nbytes, m.shape, m.strides, m.tolist() == [int.from_bytes(b[i:i + m.itemsize], sys.byteorder, signed=fmt.islower()) for i in range(0, 16, m.itemsize)])
    print('  ', m[0] == int.from_bytes(b[:m.itemsize], sys.byteorder), m[-1] == list(m)[-1], m[::2].tolist() == m.tolist()[::2], m.tobytes() == b, m.cast('B').tolist() == list(b), m == memoryview(b).cast(fmt))
neg = memoryview(b'\xff' * 8)
print(neg.cast('h').tolist(), neg.cast('H').tolist(), neg.cast('i').tolist(), neg.cast('I').tolist(), neg.cast('q').tolist(), neg.cast('Q').tolist())
ba = bytearray(8)
w = memoryview(ba).cast('I')
w[0] = 2 ** 32 - 1
w[1] = 7
print(ba == (2 ** 32 - 1).to_bytes(4, sys.byteorder) + (7).to_bytes(4, sys.byteorder), w.tolist())
s = memoryview(bytearray(8)).cast('h')
s[1:3] = memoryview(bytes(range(1, 5))).cast('h')
print(s.tolist() == [0] + memoryview(bytes(range(1, 5))).cast('h').tolist() + [0])
for f in [lambda: memoryview(b'abc').cast('I'), lambda: memoryview(b).cast('I').cast('h'), lambda: memoryview(b)[::2].cast('I'),
          lambda: w.__setitem__(0, -1), lambda: w.__setitem__(0, 2 ** 32), lambda: w.__setitem__(0, 'x'), lambda: w.__setitem__(2, 1),
          lambda: s.__setitem__(slice(0, 1), b'\x00\x00'), lambda: hash(memoryview(b).cast('I')), lambda: memoryview(b).cast('I') == b]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(memoryview(b'ab').cast('@B').format, memoryview(b'ab').cast('@c').format, memoryview(b'abcd').cast('@h').format)
print(memoryview(b'x').cast('@B') == memoryview(b'x'), hash(memoryview(b'x').cast('@B')) == hash(b'x'))
for view, src in [('b', b'\x01'), ('b', memoryview(b'\x01')), ('c', b'x'), ('c', memoryview(b'x').cast('c')), ('B', memoryview(b'x').cast('@B')),
                  ('B', memoryview(b'x').cast('c')), ('B', bytearray(b'y')), ('h', b'\x01\x00'), ('h', 5)]:
    m = memoryview(bytearray(4)).cast(view)
    try:
        m[0:1] = src
        print(view, 'ok', m.tolist())
    except Exception as e:
        print(view, type(e).__name__, e)
