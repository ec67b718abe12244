class NonData:
    def __get__(self, obj, objtype=None):
        return "nondata"

class Data:
    def __get__(self, obj, objtype=None):
        return "data"
    def __set__(self, obj, value):
        print("Data.__set__", value)

class C:
    nd = NonData()
    d = Data()

c = C()
print(c.nd, c.d)
c.__dict__["nd"] = "instance wins over non-data"
c.__dict__["d"] = "instance loses to data"
print(c.nd, c.d)
c.d = 5
print(C.nd, C.d)

class GetOnlyWithDelete:
    def __get__(self, obj, objtype=None):
        return "got"
    def __delete__(self, obj):
        print("deleting")
class D:
    g = GetOnlyWithDelete()
d = D()
del d.g
try:
    d.g = 1
except AttributeError as e:
    print(type(e).__name__, e)

class Args:
    def __get__(self, obj, objtype=None):
        return (obj is None, objtype.__name__ if objtype else None)
class E:
    a = Args()
print(E.a, E().a)
print(Args().__get__(None, E), Args().__get__(5))
