x = 5
x += 3; print(x)
x -= 1; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 2; print(x)
x = 17
x %= 5; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0b1100; print(x)
x |= 1; print(x)
x ^= 0xff; print(x)
s = "ab"
s *= 3; print(s)
s += "!"; print(s)
l = [1]
l *= 3; print(l)
l += "ab"; print(l)
t = (1,)
t += (2,); print(t)
d = {"k": 1}
d["k"] += 10; print(d)
class C:
    v = 1
c = C()
c.v += 1
print(c.v, C.v)
calls = []
def idx():
    calls.append("idx")
    return 0
arr = [10]
arr[idx()] += 5
print(arr, calls)
try:
    undefined_var += 1
except NameError as e:
    print(type(e).__name__, e)
try:
    t += [3]
except TypeError as e:
    print(type(e).__name__, e)
st = {1}
st |= {2}; st &= {2, 3}; print(st)
dd = {"a": 1}
dd |= {"b": 2}; print(dd)
