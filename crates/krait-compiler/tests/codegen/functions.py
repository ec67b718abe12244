def f(a, b=2, c=3):
    "A docstring."
    return a + b * c

def g(x, /, y):
    z = x + y
    return z

def h():
    pass

@staticmethod
def k(n):
    return h()

print(f(1), g(1, 2), h(), k(3))
