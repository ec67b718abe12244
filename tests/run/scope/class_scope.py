x = "global"

class A:
    x = "class"
    y = x
    def method(self):
        return x
    z = [x for _ in range(1)]
    w = (lambda: x)()

print(A.y, A().method(), A.z, A.w)

def f():
    x = "local"
    class B:
        print("in B body:", x)
        x = "B attr"
        print("after assign:", x)
        def m(self):
            return x
    return B
B = f()
print(B.x, B().m())

def g():
    v = "enclosing"
    class C:
        nonlocal_read = v
        def get(self):
            return v
    return C
print(g().nonlocal_read, g()().get())

class D:
    items = [1, 2, 3]
    total = sum(items)
    doubled = [i * 2 for i in items]
print(D.total, D.doubled)
try:
    class E:
        n = 3
        bad = [n for _ in range(2)]
except NameError as e:
    print(type(e).__name__, e)
