a = [1]; b = a; a += [2]; a += (3,); print(b, a is b)
c = [1, 2]; d = c; c *= 2; print(d, c is d)
s = {1}; t = s; s |= {2}; s &= {2, 3}; print(t, s is t)
x = (1,); y = x; x += (2,); print(y, x)
class V:
    def __init__(self, v): self.v = v
    def __iadd__(self, o): self.v += o; return self
    def __add__(self, o): return V(self.v + o)
v = V(1); w = v; v += 5; print(w.v, v is w)
class P:
    def __init__(self, v): self.v = v
    def __add__(self, o): return P(self.v + o)
p = P(1); q = p; p += 5; print(q.v, p.v, p is q)
try:
    a += 5
except TypeError as e:
    print(e)
print((1,2)+(3,), (1,)*3, 2*(0,), ()*5)
try: (1,)+[2]
except TypeError as e: print(e)
try: (1,)*"a"
except TypeError as e: print(e)
