classes = [object]
for i in range(300):
    classes.append(type(f"C{i}", (classes[-1],), {f"attr{i}": i}))
Leaf = classes[-1]
obj = Leaf()
print(len(Leaf.__mro__), obj.attr0, obj.attr299, isinstance(obj, classes[1]), issubclass(Leaf, classes[150]))
print(Leaf.__mro__[1].__name__, Leaf.__mro__[-2].__name__)

classes[1].shared = "set on the root"
print(obj.shared)
classes[150].shared = "set in the middle"
print(obj.shared)
del classes[150].shared
print(obj.shared)

class Base:
    def m(self):
        return 0
cur = Base
for i in range(200):
    cur = type(f"D{i}", (cur,), {"m": (lambda i: lambda self: i)(i)} if i % 2 else {})
print(cur().m(), cur.__mro__[1].__name__, cur.__mro__[2].m(cur()))

class Chain:
    def m(self):
        return 1
prev = Chain
for i in range(200):
    def make(parent):
        class Sub(parent):
            def m(self):
                return super().m() + 1
        return Sub
    prev = make(prev)
print(prev().m())
wide = type("Wide", tuple(type(f"W{i}", (), {}) for i in range(100)), {})
print(len(wide.__mro__), wide.__mro__[50].__name__)
