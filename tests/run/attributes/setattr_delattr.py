class Frozen:
    def __init__(self, **kw):
        for k, v in kw.items():
            object.__setattr__(self, k, v)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: frozen")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name!r}: frozen")

f = Frozen(a=1)
print(f.a)
for action in (lambda: setattr(f, "a", 2), lambda: delattr(f, "a")):
    try:
        action()
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    f.b = 3
except AttributeError as e:
    print(type(e).__name__, e)

class Recorder:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value * 2)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)
r = Recorder()
r.v = 5
print(r.v)
r.v += 1
print(r.v)
del r.v
try:
    del r.v
except AttributeError as e:
    print(type(e).__name__, e)

try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1).real = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del [].append
except AttributeError as e:
    print(type(e).__name__, e)
try:
    setattr(f, 1, 2)
except TypeError as e:
    print(type(e).__name__, e)
