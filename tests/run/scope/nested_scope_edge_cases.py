x = "module"
def outer():
    x = "outer"
    def middle():
        global x
        def inner():
            return x
        return inner()
    return middle()
print(outer())

def outer2():
    x = "outer2"
    class C:
        global x
        y = x
    return C.y
print(outer2())

def outer3():
    v = 1
    class C:
        v = 2
        def m(self):
            return v
    return C().m()
print(outer3())

def counter_factory():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def reset():
        nonlocal count
        old, count = count, 0
        return old
    return inc, reset
inc, reset = counter_factory()
inc(); inc(5)
print(reset(), inc())

def lambda_scope():
    fs = {}
    for name in ("a", "b"):
        fs[name] = lambda name=name: name.upper()
    fs["late"] = lambda: name
    return fs["a"](), fs["b"](), fs["late"]()
print(lambda_scope())
Y = lambda f: (lambda x: x(x))(lambda x: f(lambda *a: x(x)(*a)))
fact = Y(lambda self: lambda n: 1 if n < 2 else n * self(n - 1))
print(fact(10))
