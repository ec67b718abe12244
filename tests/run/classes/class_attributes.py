class Counter:
    count = 0
    shared = []
    def __init__(self):
        Counter.count += 1
        self.shared.append(Counter.count)

a, b = Counter(), Counter()
print(Counter.count, a.count, b.shared, a.shared is b.shared)

a.count = 100
print(a.count, b.count, Counter.count)

class Sub(Counter):
    pass
Sub()
print(Sub.count, Counter.count, "count" in Sub.__dict__)
Sub.count = -1
print(Sub.count, Counter.count)

print(getattr(a, "count"), getattr(a, "nope", "default"), hasattr(a, "shared"))
setattr(Counter, "new_attr", "n")
print(b.new_attr)
delattr(Counter, "new_attr")
print(hasattr(b, "new_attr"))
try:
    getattr(a, "nope")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(a, 5)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(k for k in Counter.__dict__ if not k.startswith("__")))
try:
    Counter.__dict__["x"] = 1
except TypeError as e:
    print(type(e).__name__, e)
print(type(Counter.__dict__).__name__)
