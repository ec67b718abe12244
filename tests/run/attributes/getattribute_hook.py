class Logged:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return object.__getattribute__(self, name)
    def method(self):
        return self.x

o = Logged()
print(o.x)
print(o.method())
print(type(o).__name__)

class Fallback:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom missing")
        if name == "other":
            raise KeyError("not attribute error")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback for {name}"
f = Fallback()
print(f.boom)
print(f.nothing)
try:
    f.other
except KeyError as e:
    print(type(e).__name__, e)

class Everything:
    def __getattribute__(self, name):
        return 42
e = Everything()
print(e.anything, e.__class__, e.__dict__)
print(type(e).__name__)
