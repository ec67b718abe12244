import sys

def hook(unraisable):
    print("unraisable:", type(unraisable.exc_value).__name__, unraisable.exc_value,
          "| object:", getattr(unraisable.object, "__qualname__", type(unraisable.object).__name__))
sys.unraisablehook = hook

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)
        raise RuntimeError(f"error in __del__ of {self.name}")

a = Noisy("a")
del a
print("after del a")

def scope():
    b = Noisy("b")
    print("leaving scope")
scope()
print("after scope")

lst = [Noisy("c1"), Noisy("c2")]
lst.clear()
print("after clear")

x = Noisy("x")
x = None
print("after rebinding")

class Resurrect:
    saved = []
    def __del__(self):
        print("resurrecting")
        Resurrect.saved.append(self)
r = Resurrect()
del r
print(len(Resurrect.saved))
Resurrect.saved.clear()
print("done")
