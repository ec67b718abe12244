class Recording(dict):
    def __getitem__(self, key):
        print("lookup", key)
        return super().__getitem__(key)
    def __setitem__(self, key, value):
        print("store", key, value)
        super().__setitem__(key, value)

loc = Recording(existing=1)
exec("new = existing + 1\nexisting = 0", {}, loc)
print(dict(loc))

class Defaults(dict):
    def __missing__(self, key):
        return f"<{key}>"
print(eval("anything + '!'", {}, Defaults()))

class NotDict:
    def __getitem__(self, k):
        if k == "v":
            return 7
        raise KeyError(k)
print(eval("v * 6", {}, NotDict()))
try:
    eval("missing", {}, NotDict())
except NameError as e:
    print(type(e).__name__, e)
try:
    eval("1", NotDict())
except TypeError as e:
    print(type(e).__name__, e)
