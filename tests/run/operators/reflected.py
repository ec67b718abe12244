class R:
    def __repr__(self):
        return "R"

OPS = ["add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "divmod",
       "pow", "lshift", "rshift", "and", "xor", "or"]
for op in OPS:
    def f(self, other, op=op):
        return f"r{op}({other!r}, {self!r})"
    setattr(R, f"__r{op}__", f)

r = R()
print(1 + r)
print(1 - r)
print("s" * r)
print([] @ r)
print(1 / r)
print(1 // r)
print(1 % r)
print(divmod(1, r))
print(2 ** r)
print(1 << r)
print(1 >> r)
print(1 & r)
print(1 ^ r)
print(1 | r)
try:
    r + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    pow(2, r, 5)
except TypeError as e:
    print(type(e).__name__, e)
