s = list(range(10))
for start in (None, -1, -5, 3, 12):
    for stop in (None, -8, 2, 20):
        for step in (-1, -3, 2):
            print((start, stop, step), s[start:stop:step])
t = "abcdefghij"
print(t[-1::-2], t[:-11:-1], t[5::-1], t[-100::1], t[::-1][::-1] == t)
print(s[::-1][2:5], s[2:5][::-1], s[-3:-1], s[-1:-3], s[-1:-3:-1])
r = range(0, 30, 3)
print(r[::-1], r[-2:], r[5:1:-2], list(r[5:1:-2]))
print(s[slice(None, None, -2)], s[slice(-2, None)], slice(1, None, 2).indices(9))
b = bytes(range(6))
print(b[::-2], b[-2:], bytearray(b)[1::2])
