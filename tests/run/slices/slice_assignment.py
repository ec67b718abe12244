a = list(range(6))
a[1:3] = ["x", "y", "z"]
print(a)
a[::2] = [0, 0, 0, 0]
print(a)
a[:] = "abc"
print(a)
a[1:1] = [9, 9]
print(a)
a[3:] = []
print(a)
a[len(a):] = [5]
print(a)
del a[::2]
print(a)
b = list(range(10))
del b[1:8:3]
print(b)
del b[:]
print(b)
c = [1, 2, 3]
c[::-1] = [7, 8, 9]
print(c)
try:
    c[::2] = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    c[0:1] = 5
except TypeError as e:
    print(type(e).__name__, e)
c[0:2] = c
print(c)
s = "abc"
try:
    s[0:1] = "z"
except TypeError as e:
    print(type(e).__name__, e)
ba = bytearray(b"hello")
ba[0:1] = b"J"
ba[-1:] = b"y!"
print(ba)
