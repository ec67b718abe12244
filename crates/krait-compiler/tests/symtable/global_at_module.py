global x
x = 1
def f():
    return x
nonlocal_is_error = 0
