s = list(range(10))
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-7], s[::2], s[1::3], s[::-1], s[8:2:-2])
print(s[100:], s[-100:2], s[5:2], s[2:5:-1], s[::-3], s[-1:-4:-1])
t = "hello world"
print(t[::-1], t[6:], t[:5], t[-5:-1], t[::3])
print((1, 2, 3, 4)[1:3], range(10)[2:8:3], b"bytes"[1:3], bytearray(b"abc")[::-1])
sl = slice(1, 8, 2)
print(s[sl], sl.start, sl.stop, sl.step, slice(5), slice(None, None, -1))
print(sl.indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(10))
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    s["a":]
except TypeError as e:
    print(type(e).__name__, e)
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
print(s[10 ** 30:], s[-10 ** 30:2], s[True:3])
print(slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3), repr(slice("a", [1], None)))
try:
    hash(slice(1, 2))
except TypeError as e:
    print(type(e).__name__, e)
