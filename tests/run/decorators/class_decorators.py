def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls

def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get

@add_repr
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

print(Point(1, "two"))

@singleton
class Config:
    def __init__(self, name):
        self.name = name

a = Config("first")
b = Config("second")
print(a is b, a.name)

def counted(cls):
    orig = cls.__init__
    cls.count = 0
    def __init__(self, *a, **k):
        cls.count += 1
        orig(self, *a, **k)
    cls.__init__ = __init__
    return cls

@counted
@add_repr
class Thing:
    def __init__(self, v):
        self.v = v
Thing(1); Thing(2)
print(Thing.count, Thing(3), Thing.count)
