def outer():
    x = 0
    def a():
        nonlocal x
        x += 1
    def b():
        nonlocal x
        x *= 10
    a(); b(); a()
    return x
print(outer())

def deep():
    v = "d0"
    def l1():
        def l2():
            nonlocal v
            v = "changed by l2"
        l2()
    l1()
    return v
print(deep())

def unbound_cell():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    y = 1
    return inner()
print(unbound_cell())

def del_cell():
    z = 5
    def get():
        return z
    del z
    try:
        get()
    except NameError as e:
        print(type(e).__name__, e)
del_cell()
