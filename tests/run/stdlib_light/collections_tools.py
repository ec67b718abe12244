from collections import Counter, OrderedDict, deque, ChainMap, namedtuple
c = Counter("abracadabra")
print(c.most_common(3), c["a"], c["z"], sorted(c.elements())[:6])
c.update("aaz")
print(c.most_common(1), (c - Counter("aaaa"))["a"], sum(c.values()))
od = OrderedDict(a=1, b=2, c=3)
od.move_to_end("a")
print(list(od), od.popitem(last=False), od)
d = deque(range(5), maxlen=5)
d.append(5); d.appendleft(-1); d.rotate(2)
print(d, d.maxlen, d[0], d[-1])
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm))
Point = namedtuple("Point", ["x", "y"], defaults=[0])
print(Point(1), Point._make([3, 4]), Point(1, 2)._asdict())
try:
    Point()
except TypeError as e:
    print(type(e).__name__, e)
try:
    namedtuple("Bad", ["def"])
except ValueError as e:
    print(type(e).__name__, e)
