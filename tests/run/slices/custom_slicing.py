class Show:
    def __getitem__(self, key):
        return key

s = Show()
print(s[1:2], s[1:2:3], s[:], s[::], s[:, :], s[1:2, ...], s[::-1, 0], s[()], s[-1], s["k"])
print(type(s[1:2]).__name__, s[1:2].start)

class Window:
    def __init__(self, data):
        self.data = data
    def __len__(self):
        return len(self.data)
    def __getitem__(self, idx):
        if isinstance(idx, slice):
            start, stop, step = idx.indices(len(self))
            return Window([self.data[i] for i in range(start, stop, step)])
        if idx < 0:
            idx += len(self)
        if not 0 <= idx < len(self):
            raise IndexError("window index out of range")
        return self.data[idx]
    def __repr__(self):
        return f"Window({self.data})"

w = Window("abcdefg")
print(w[1:5], w[::-2], w[-1], w[2:][1:][0])
try:
    w[10]
except IndexError as e:
    print(type(e).__name__, e)
print(list(w), "d" in w)
