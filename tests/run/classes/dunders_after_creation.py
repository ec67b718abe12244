# Assigning or deleting a dunder after a class is made changes how its
# instances (and its subclasses' instances) behave, as CPython's update_slot.
class A:
    pass
class B(A):
    pass
class C(B):
    def __len__(self):
        return 7
a, b, c = A(), B(), C()
try:
    len(b)
except TypeError as e:
    print(e)
A.__len__ = lambda self: 3
print(len(a), len(b), len(c))
A.__add__ = lambda self, o: ("add", type(self).__name__, o)
print(a + 1, b + 2)
try:
    1 + a
except TypeError as e:
    print(e)
A.__radd__ = lambda self, o: ("radd", o)
print(1 + a, 1 + c)
A.__repr__ = lambda self: "<an A>"
print(a, repr(b), [c])
A.__call__ = lambda self, *args: ("called", args)
print(a(1, 2), callable(b))
del A.__call__
print(callable(a))
try:
    a()
except TypeError as e:
    print(e)
A.__iter__ = lambda self: iter([1, 2, 3])
print(list(b), sorted(c, reverse=True))
A.__eq__ = lambda self, o: True
A.__hash__ = lambda self: 42
print(a == 5, hash(b))
A.__getitem__ = lambda self, k: k * 2
print(a[21], b["x"])
A.__bool__ = lambda self: False
print(bool(a), "yes" if b else "no")
del A.__len__
print(len(c))
try:
    len(a)
except TypeError as e:
    print(e)
A.__neg__ = lambda self: "neg"
print(-b)
A.__iadd__ = lambda self, o: "iadd"
x = A()
x += 1
print(x)
A.__getattr__ = lambda self, name: "missing " + name
print(a.foo, c.bar)
B.__setattr__ = lambda self, name, v: print("set", name, v)
b.z = 1
c.z = 2
a.z = 3
print(a.z)
A.__contains__ = lambda self, v: v == 1
print(1 in a, 2 in c)
A.__lt__ = lambda self, o: "lt"
print(a < 1)
A.__index__ = lambda self: 2
print([10, 20, 30][a], "ab" * a)
