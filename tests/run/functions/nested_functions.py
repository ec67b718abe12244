def outer(n):
    def middle(m):
        def inner(k):
            return n * 100 + m * 10 + k
        return inner
    return middle

print(outer(1)(2)(3))
print(outer.__code__.co_cellvars, outer(1).__code__.co_freevars)
print(outer(1)(2).__qualname__)

def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter()
inc(); inc()
print(get(), inc(), get())
inc2, get2 = make_counter()
print(get2(), get())

def shadow():
    x = "outer"
    def f():
        x = "inner"
        return x
    return f(), x
print(shadow())
