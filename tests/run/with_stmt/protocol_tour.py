class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.swallow

with CM("a") as a, CM("b") as b:
    print("body", a.name, b.name)
with CM("c", swallow=True):
    raise ValueError("boom")
print("after")
def f():
    for i in range(3):
        with CM(i):
            if i == 1:
                continue
            if i == 2:
                return "ret"
    return "end"
print(f())
try:
    with CM("d"):
        1 / 0
except ZeroDivisionError as e:
    print("caught", e)
try:
    with 5:
        pass
except TypeError as e:
    print(e)
class NoExit:
    def __enter__(self): return 1
try:
    with NoExit():
        pass
except TypeError as e:
    print(e)
with CM("e") as (x):
    print(x.name)
