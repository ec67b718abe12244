def make_multiplier(n):
    def mul(x):
        return x * n
    return mul

double, triple = make_multiplier(2), make_multiplier(3)
print(double(5), triple(5))
print(double.__closure__[0].cell_contents)

fns = []
for i in range(3):
    def f():
        return i
    fns.append(f)
print([f() for f in fns])

def bind():
    fns = []
    for i in range(3):
        def f(i=i):
            return i
        fns.append(f)
    return fns
print([f() for f in bind()])

def shared():
    items = []
    def add(v):
        items.append(v)
        return len(items)
    def view():
        return list(items)
    return add, view
add, view = shared()
add("a"); add("b")
print(view())

def cell_after_loop():
    fs = [lambda: k for k in range(3)]
    return [f() for f in fs]
print(cell_after_loop())

def rebinding():
    x = 1
    f = lambda: x
    x = 2
    return f()
print(rebinding())
print(make_multiplier.__code__.co_cellvars, double.__code__.co_freevars)
