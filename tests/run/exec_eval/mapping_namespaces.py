# exec/eval with non-dict locals (LOAD_NAME/STORE_NAME/DELETE_NAME through
# __getitem__/__setitem__/__delitem__, KeyError meaning absent), their
# type errors, and locals() of a function keeping what exec wrote.
class Logging(dict):
    def __getitem__(self, k):
        print("get", k)
        return super().__getitem__(k)
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
    def __delitem__(self, k):
        print("del", k)
        super().__delitem__(k)

ns = Logging()
exec("a = 1\nb = a + 1\ndel a\nprint(b, len)", {}, ns)
print(dict(ns))

class Mapping:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        if k == "magic":
            return 42
        return self.d[k]
    def __setitem__(self, k, v):
        self.d[k] = v
    def __delitem__(self, k):
        raise TypeError("no deleting")
m = Mapping()
print(eval("magic + 1", {}, m))
exec("x = magic * 2\nclass C:\n    y = 3", {}, m)
print(m.d["x"], m.d["C"].y)
try:
    exec("del x", {}, m)
except NameError as e:
    print("NameError", e)
try:
    eval("missing", {}, m)
except NameError as e:
    print("NameError", e)

class Broken:
    def __getitem__(self, k):
        raise ValueError("broken " + k)
try:
    eval("anything", {}, Broken())
except ValueError as e:
    print("ValueError", e)

for f in (eval, exec):
    for l in (1, [1], "ab"):
        try:
            f("x", {}, l)
        except TypeError as e:
            print(f.__name__, "TypeError", e)

def f():
    exec("hidden = 5")
    v = 1
    first = locals()
    second = locals()
    del v
    third = locals()
    return first is second is third, sorted(third), third.get("hidden")
print(f())

def annotated():
    exec("z: int = 3", {}, ns2)
ns2 = Logging()
annotated()
print(dict(ns2))
