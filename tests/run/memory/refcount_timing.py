class Tracked:
    def __init__(self, name):
        self.name = name
        print("create", name)
    def __del__(self):
        print("destroy", self.name)

def f():
    t = Tracked("local")
    print("in f")
f()
print("after f")

a = Tracked("a")
b = a
del a
print("a deleted, b still refers")
b = None
print("b cleared")

lst = [Tracked("in list 1"), Tracked("in list 2")]
lst.pop(0)
print("popped")
del lst
print("list deleted")

def make():
    return Tracked("temporary")
make()
print("temporary discarded")
make().name
print("attribute read from temporary")
x = Tracked("rebound")
x = Tracked("replacement")
print("end of program")
