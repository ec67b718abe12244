# memoryview cast to several dimensions: shape, strides, tuple indexing and
# assignment, slicing along the first dimension, tolist, comparisons, and
# CPython's errors for what such views do not do (sub-views, slices of
# several dimensions, bad shapes).
m = memoryview(bytearray(range(12))).cast('B', (3, 4))
print(m.shape, m.strides, m.ndim, len(m), m.tolist(), m[1,2], m[-1,-1])
for k in [(1,), 1, (1,2,3), (5,0), (0,-5), (slice(None),slice(None)), (slice(None),1), 'a', ('a', 1)]:
  try: print(m[k])
  except Exception as e: print(type(e).__name__, e)
print(m[0:2].shape, m[0:2].tolist(), m[::2].strides, m[::2].tolist(), m[::-1].tolist(), m[::2].c_contiguous, m[5:].tolist(), m[5:].shape)
try: m[::2].cast('B')
except Exception as e: print(type(e).__name__, e)
try: list(m)
except Exception as e: print(type(e).__name__, e)
m[1,1]=99; print(m.tobytes())
for k, v in [((0,0), 300), ((0,9), 1), (0, 1), (slice(0,1), b'xxxx')]:
  try: m[k] = v
  except Exception as e: print(type(e).__name__, e)
print(m == m, m == m.cast('B'), m.cast('B').shape, m.c_contiguous, m.f_contiguous, m.contiguous)
for shape in [(2,), [2,3,2], (0,12), 'ab', (13,), (-1,-12), (2.0,6), (12,), [12], (1,)*65, ()]:
  try: print(memoryview(bytearray(12)).cast('B', shape).shape)
  except Exception as e: print(type(e).__name__, e)
try: m.cast('B', (12,))
except Exception as e: print(type(e).__name__, e)
try: print(m.cast('B', (12,)).shape)
except Exception as e: print(type(e).__name__, e)
try: m.cast('B', (2,6))
except Exception as e: print(type(e).__name__, e)
x = memoryview(bytearray(24)).cast('i', (2,3))
print(x.strides, x.tolist(), x.nbytes, x.itemsize, memoryview(bytes(8)).cast('B', (2,4)).readonly)
x[1,2] = -5; print(x.tolist(), x.cast('B').tolist()[-4:])
print(memoryview(bytearray(24)).cast('B',(2,12)).cast('i').shape)
try: memoryview(bytearray(24)).cast('B',(2,12)).cast('i', (6,))
except Exception as e: print(type(e).__name__, e)
a = memoryview(bytes(range(4))).cast('B', (2,2))
print(a == memoryview(bytes(range(4))).cast('B', (2,2)), a == memoryview(bytes(range(4))).cast('B', (1,4)), a == bytes(range(4)))
print(hash(a) == hash(bytes(range(4))), a.hex(), memoryview(a).shape, a.toreadonly().shape, bytes(a), a.tobytes())
y = memoryview(bytearray(range(8))).cast('B', (2, 2, 2))
print(y.tolist(), y[1, 0, 1], y.strides, y[1:].tolist())
import struct
print(struct.unpack_from('2B', y, 2))
