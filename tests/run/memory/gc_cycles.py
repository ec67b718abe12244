import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("finalizing", self.name)

gc.disable()
a, b = Node("a"), Node("b")
a.other, b.other = b, a
del a, b
print("cycle unreachable, not yet collected")
found = gc.collect()
print("collected something:", found > 0)

selfref = Node("self")
selfref.other = selfref
del selfref
print("before collect")
gc.collect()
print("after collect")

class Resurrector:
    keep = None
    def __init__(self):
        self.me = self
    def __del__(self):
        print("resurrecting once")
        Resurrector.keep = self
r = Resurrector()
del r
gc.collect()
print("resurrected:", Resurrector.keep is not None)
Resurrector.keep.me = None
Resurrector.keep = None
gc.collect()
print("second death does not call __del__ again")
print(gc.isenabled(), gc.get_threshold())
gc.enable()
print(gc.isenabled(), gc.garbage)
