a = [1, 2]
a.append(a)
print(a, repr(a), str(a))
b = [a, [a]]
print(b)
d = {"self": None}
d["self"] = d
print(d)
d2 = {"l": []}
d2["l"].append(d2)
print(d2)
t = ([],)
t[0].append(t)
print(t)
class Node:
    def __init__(self):
        self.children = []
    def __repr__(self):
        return f"Node({self.children!r})"
n = Node()
n.children.append(n)
try:
    print(n)
except RecursionError as e:
    print(type(e).__name__)
s = set()
fs = frozenset([1])
print({fs: [fs]})
x = []
y = [x, x]
print(y, y[0] is y[1])
print(a == a, len(a), a[2] is a, a[2][2][2][0])
