# Changing a deque while it is iterated or searched: CPython's
# RuntimeError (IndexError for remove), and which changes count.
from collections import deque

def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, type(e).__name__, e)

d = deque([1, 2, 3])
it = iter(d)
print(next(it))
d.append(4)
attempt("next after append", lambda: next(it))
attempt("next again", lambda: next(it))

for change in ["append", "appendleft", "pop", "popleft", "rotate", "clear", "insert", "remove", "extend", "del"]:
    d = deque([1, 2, 3, 4])
    it = iter(d)
    next(it)
    if change == "append": d.append(0)
    elif change == "appendleft": d.appendleft(0)
    elif change == "pop": d.pop()
    elif change == "popleft": d.popleft()
    elif change == "rotate": d.rotate(4)
    elif change == "clear": d.clear()
    elif change == "insert": d.insert(1, 0)
    elif change == "remove": d.remove(3)
    elif change == "extend": d.extend([])
    elif change == "del": del d[0]
    attempt(change, lambda: list(it))

# Changes that keep the items where they are do not count.
d = deque([1, 2, 3])
it = iter(d)
next(it)
d[0] = 10
d.reverse()
d.extend([])
print(list(it), d)
r = reversed(d)
d[1] = 20
print(list(r))
d2 = deque([5])
it = iter(d2)
d2.rotate(3)
print(list(it))
e = deque()
it = iter(e)
e.clear()
print(list(it))

d = deque([1, 2, 3])
class Grows:
    def __eq__(self, other):
        d.append(9)
        return False
class Replaces:
    def __eq__(self, other):
        d[0] = 5
        return False
attempt("remove", lambda: d.remove(Grows()))
attempt("count", lambda: d.count(Grows()))
attempt("index", lambda: d.index(Grows()))
attempt("in", lambda: Grows() in d)
attempt("count-replace", lambda: d.count(Replaces()))
attempt("in-replace", lambda: Replaces() in d)
print(d)
attempt("iterate-append", lambda: [d.append(1) for x in d])
it = reversed(deque([1, 2]))
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
