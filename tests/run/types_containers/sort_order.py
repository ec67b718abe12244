# list.sort and sorted make CPython's comparisons, in CPython's order.
log = []


class K:
    def __init__(self, v, i):
        self.v, self.i = v, i

    def __lt__(self, other):
        log.append((self.i, other.i))
        return self.v < other.v


def trace(vals, **kw):
    log.clear()
    items = [K(v, i) for i, v in enumerate(vals)]
    items.sort(**kw)
    return [x.i for x in items], log[:]


print(trace([3, 1, 2]))
print(trace([1, 2, 3, 0]))
print(trace([5, 4, 3, 3, 2]))
print(trace([2, 1, 2, 1], reverse=True))
seed = 5
vals = []
for _ in range(300):
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    vals.append(seed % 1000 if seed % 7 else 500)
order, comparisons = trace(vals)
print(order[:20], len(comparisons), comparisons[:12], comparisons[-6:])
vals = list(range(200)) + list(range(100, 0, -1)) + list(range(50))
order, comparisons = trace(vals)
print(len(comparisons), comparisons[-10:])
people = [("ann", 31), ("bob", None), ("cy", 25), ("dee", 40)]
for n in range(4):
    try:
        sorted(people[n:] + people[:n], key=lambda p: p[1])
    except TypeError as ex:
        print(type(ex).__name__, ex)
count = 0


class Fails:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        global count
        count += 1
        if count == 9:
            raise ValueError("ninth comparison")
        return self.v < other.v

    def __repr__(self):
        return str(self.v)


l = [Fails(v) for v in (5, 3, 8, 1, 9, 2, 7, 4, 6, 0)]
try:
    l.sort()
except ValueError as ex:
    print(ex, l)
l = [3, 1, 2]


def grow(x):
    l.append(x)
    return x


try:
    l.sort(key=grow)
except ValueError as ex:
    print(type(ex).__name__, ex, l)
for bad in (lambda: [].sort(cmp=None), lambda: sorted([], cmp=None), lambda: [].sort(1), lambda: [].sort(1, 2, 3),
            lambda: [].sort(key=None, reverse=False, x=1), lambda: [].sort(reverse=1.5), lambda: [].sort(reverse=2 ** 40),
            lambda: sorted(), lambda: sorted([], 1), lambda: sorted([1, "a"])):
    try:
        bad()
    except (TypeError, OverflowError) as ex:
        print(type(ex).__name__, ex)
print(sorted([3, 1, 2], reverse=2), sorted("bca", key=None), sorted([(1, "b"), (1, "a"), (0, "z")], reverse=True))
print(sorted(["b", "a", "é", "\U0001f600", "\ue000", ""]), sorted([2.5, -1.0, 0.0, -0.0, 3]), sorted([3, 2 ** 70, -2 ** 70, True]))
