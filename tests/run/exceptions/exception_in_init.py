class Resource:
    def __init__(self, fail):
        print("init starts")
        self.partial = True
        if fail:
            raise RuntimeError("init failed")
        self.ready = True
    def __del__(self):
        print("__del__ of", "ready" if hasattr(self, "ready") else "partial", "object")

r = Resource(False)
try:
    Resource(True)
except RuntimeError as e:
    print("caught", e)
print("after failed construction")

class BadNew:
    def __new__(cls):
        raise MemoryError("simulated")
try:
    BadNew()
except MemoryError as e:
    print(type(e).__name__, e)

class ArgsError(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
try:
    raise ArgsError("first", "second")
except ArgsError as e:
    print(e, e.args, e.b)
try:
    raise ArgsError("only one")
except TypeError as e:
    print(type(e).__name__, e)
del r
print("end")
