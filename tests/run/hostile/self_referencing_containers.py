l = []
l.append(l)
l.append([l, (l,)])
print(l)
d = {}
d[1] = d
d[2] = [d, {"inner": d}]
print(d)
s = [1]
t = (s,)
s.append(t)
print(s, t)
print(l == l, l[0] is l, len(str(l)))
from collections import OrderedDict, deque
od = OrderedDict()
od["me"] = od
print(od)
dq = deque([1])
dq.append(dq)
print(dq)
class Holder:
    def __init__(self):
        self.items = [self]
    def __repr__(self):
        return f"Holder({self.items})"
try:
    print(Holder())
except RecursionError as e:
    print(type(e).__name__, e)
a = [1]
b = [a]
a.append(b)
print(a, b)
try:
    a == [1, [[1, [...]]]]
    print("compared")
except RecursionError as e:
    print(type(e).__name__, e)
keys = {}
keys["self"] = keys
print(list(keys.keys()), keys["self"]["self"]["self"] is keys)
