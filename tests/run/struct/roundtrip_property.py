# Property: generated values packed and unpacked with every format
# character in every byte order; half floats compared bit for bit.
import struct

seed = 777
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed % n

ranges = {'b': 8, 'h': 16, 'i': 32, 'l': 32, 'q': 64}
for code, bits in sorted(ranges.items()):
    for prefix in '@=<>!':
        for _ in range(20):
            n = rand(2 ** 31) * rand(2 ** 31) % (2 ** bits) - 2 ** (bits - 1)
            u = n % (2 ** bits)
            fmt, ufmt = prefix + code, prefix + code.upper()
            b = struct.pack(fmt, n)
            assert struct.unpack(fmt, b) == (n,), (fmt, n)
            assert struct.unpack(ufmt, struct.pack(ufmt, u)) == (u,), (ufmt, u)
        print(prefix + code, b.hex(), struct.pack(ufmt, u).hex())

halves = []
for i in range(300):
    m = rand(2 ** 20) / 2 ** 20
    e = rand(50) - 30
    x = (m + 0.5) * 2.0 ** e * (1 if rand(2) else -1)
    try:
        b = struct.pack('<e', x)
        halves.append((b.hex(), struct.unpack('<e', b)[0]))
    except OverflowError as exc:
        halves.append(('overflow', str(exc)))
for v in [0.0, -0.0, 1.0, 65504.0, 65519.99, 2.0 ** -24, 2.0 ** -25, 2.0 ** -25 * 1.0001, 2.0 ** -14, 0.1,
          1 + 2 ** -11, 1 + 3 * 2 ** -11, float('inf')]:
    halves.append((struct.pack('>e', v).hex(), struct.unpack('>e', struct.pack('>e', v))[0]))
print(halves)
for x in [1.5, -2.25, 3.4e38, 1e-45, float('inf')]:
    for fmt in ['<f', '>f', '@f', '<d', '>d']:
        print(fmt, struct.pack(fmt, x).hex(), struct.unpack(fmt, struct.pack(fmt, x)))
print(struct.pack('<?c5s3p2x', 7, b'z', b'hi', b'long'), struct.unpack('<?c5s3p2x', struct.pack('<?c5s3p2x', 7, b'z', b'hi', b'long')))
print(struct.calcsize('@cPhbiqd'), struct.pack('@bPh', 1, 2, 3), struct.unpack('@bPh', struct.pack('@bPh', 1, 2, 3)))
class Point(struct.Struct):
    def __init__(self):
        super().__init__('<2i')
    def read(self, data):
        return self.unpack(data)
p = Point()
print(p.format, p.size, p.read(p.pack(3, -4)), isinstance(p, struct.Struct))
buf = bytearray(12)
p.pack_into(buf, 2, 7, 8)
struct.pack_into('<h', memoryview(buf), 10, -1)
print(buf, p.unpack_from(buf, 2), p.unpack_from(buffer=buf, offset=-10), list(struct.iter_unpack('<3h', buf)))
try:
    raise struct.error('x')
except struct.error as e:
    print(type(e).__name__, isinstance(e, Exception), e)
