class LoudDict(dict):
    def __getitem__(self, k):
        print("LoudDict.__getitem__", k)
        return super().__getitem__(k)
    def __setitem__(self, k, v):
        print("LoudDict.__setitem__", k)
        super().__setitem__(k, v)

d = LoudDict(a=1)
d["b"] = 2
print(d["a"], d.get("a"), dict(d), {**d}, list(d.items()))
d.update(c=3)
print(d, type(d).__name__, isinstance(d, dict))

class Stack(list):
    def push(self, v):
        self.append(v)
        return self
    def peek(self):
        return self[-1]
    def __repr__(self):
        return "Stack" + super().__repr__()
s = Stack([1]).push(2).push(3)
print(s, s.peek(), len(s), s + [4], type(s + [4]).__name__, type(s[:2]).__name__, s * 2)

class Upper(str):
    def __new__(cls, v):
        return super().__new__(cls, str(v).upper())
    def __len__(self):
        return 99
u = Upper("abc")
print(u, len(u), u + "d", type(u + "d").__name__, u.lower(), u == "ABC", "B" in u, f"{u}", str(u) is u)

class Celsius(float):
    def __repr__(self):
        return f"{float(self)}°C"
c = Celsius(21.5)
print(c, repr(c), c + 1, [c], round(c), int(c), c > 20)
class Tup(tuple):
    def sum(self):
        return sum(self)
t = Tup((1, 2, 3))
print(t, t.sum(), t[1:], type(t[1:]).__name__, hash(t) == hash((1, 2, 3)))
