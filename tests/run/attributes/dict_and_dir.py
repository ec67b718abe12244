class A:
    cls_attr = 1
    def method(self):
        pass

a = A()
a.inst = 2
print(a.__dict__)
print([n for n in dir(a) if not n.startswith("__")])
a.__dict__["via_dict"] = 3
print(a.via_dict)
a.__dict__ = {"replaced": True}
print(a.__dict__, hasattr(a, "inst"))
try:
    a.__dict__ = 5
except TypeError as e:
    print(type(e).__name__, e)

class WithDir:
    def __dir__(self):
        return ["z", "b", "a"]
print(dir(WithDir()))

class BadDir:
    def __dir__(self):
        return 5
try:
    dir(BadDir())
except TypeError as e:
    print(type(e).__name__, e)

print("append" in dir([]), "__len__" in dir("s"))
print(vars(A)["cls_attr"])
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
