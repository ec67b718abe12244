# Assigning and deleting an instance's __dict__, with attribute reads that
# the interpreter caches before and after.
class P:
    cls_attr = "class"

    def __init__(self):
        self.x = 1
        self.y = 2


def read(o):
    return [getattr(o, n, None) for n in ("x", "y", "z", "cls_attr")], o.x if hasattr(o, "x") else "-"


p = P()
for _ in range(3):
    print(read(p))
d = {"z": 26, "x": "new x"}
p.__dict__ = d
for _ in range(3):
    print(read(p))
p.w = "set after"
print(d, p.__dict__ is d)
del p.__dict__
print(p.__dict__, read(p))
p.x = 5
print(p.__dict__, read(p))
q = P()
print(vars(q), read(q))
for bad in (5, [("x", 1)], None):
    try:
        q.__dict__ = bad
    except TypeError as e:
        print("TypeError", e)
e = ValueError("m")
e.__dict__ = {"note": 1}
print(e.note, vars(e))


class S:
    __slots__ = ("a",)


try:
    S().__dict__ = {}
except AttributeError as err:
    print("AttributeError", err)
