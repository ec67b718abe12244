# Freeing a million-deep chain must not overflow the native stack.
chain = None
for i in range(1000000):
    chain = [chain]
print("built lists")
chain = None
print("freed lists")

d = {}
for i in range(300000):
    d = {"next": d}
del d
print("freed dicts")

class Node:
    __slots__ = ("next",)
    def __init__(self, nxt):
        self.next = nxt
n = None
for i in range(300000):
    n = Node(n)
del n
print("freed slotted objects")

class Plain:
    def __init__(self, nxt):
        self.next = nxt
p = None
for i in range(300000):
    p = Plain(p)
p = None
print("freed plain objects")

def gen_chain(depth):
    g = iter([1])
    for _ in range(depth):
        g = (x for x in g)
    return g
# (CPython 3.11 overflows its C stack on a chain of 100,000 generator
# expressions, so the chains stay short here.)
print(list(gen_chain(100)), list(gen_chain(500)))
try:
    list(gen_chain(1000))
except RecursionError as e:
    print(type(e).__name__, e)
