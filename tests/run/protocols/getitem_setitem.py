class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        print("get", key)
        return self.cells.get(repr(key), 0)
    def __setitem__(self, key, value):
        print("set", key, value)
        self.cells[repr(key)] = value
    def __delitem__(self, key):
        print("del", key)
        del self.cells[repr(key)]

g = Grid()
g[1, 2] = 5
print(g[1, 2], g[0, 0])
g[1:3] = "slice"
print(g[1:3:2], g[::-1], g[...], g[:, 1])
g[1, 2] += 1
print(g.cells)
del g[1, 2]
try:
    del g[9]
except KeyError as e:
    print(type(e).__name__, e)

class RO:
    def __getitem__(self, k):
        return k
try:
    RO()[1] = 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    del RO()[1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    object()[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1, 2)[0] = 3
except TypeError as e:
    print(type(e).__name__, e)
