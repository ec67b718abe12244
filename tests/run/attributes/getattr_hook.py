class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        print("__getattr__", name)
        return getattr(self._target, name)

p = Proxy([3, 1, 2])
p.append(0)
print(p._target)
print(p.count(1))
try:
    p.missing
except AttributeError as e:
    print(type(e).__name__, e)

class Lazy:
    def __getattr__(self, name):
        if name.startswith("lazy_"):
            value = name[5:].upper()
            setattr(self, name, value)
            return value
        raise AttributeError(f"no {name}")
l = Lazy()
print(l.lazy_x, l.__dict__)
print(getattr(l, "other", "dflt"), hasattr(l, "other"))

class Recursive:
    def __getattr__(self, name):
        return self.__dict__[name]
try:
    Recursive().x
except KeyError as e:
    print(type(e).__name__, e)
