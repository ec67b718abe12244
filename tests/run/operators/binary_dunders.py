class V:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"V({self.n})"

OPS = ["add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "divmod",
       "pow", "lshift", "rshift", "and", "xor", "or"]

def make(op):
    def f(self, other):
        return f"{op}({self!r}, {other!r})"
    return f

for op in OPS:
    setattr(V, f"__{op}__", make(op))

a, b = V(1), V(2)
print(a + b)
print(a - b)
print(a * b)
print(a @ b)
print(a / b)
print(a // b)
print(a % b)
print(divmod(a, b))
print(a ** b)
print(pow(a, b))
print(a << b)
print(a >> b)
print(a & b)
print(a ^ b)
print(a | b)
print(a + 1, a * "s")
try:
    1 + a
except TypeError as e:
    print(type(e).__name__, e)
