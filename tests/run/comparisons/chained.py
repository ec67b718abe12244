def v(x):
    print("eval", x)
    return x

print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2, 1 == 1.0 == True)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
x = 5
print(0 <= x < 10, 0 <= x < 5, x in [5] in [[5]], 1 < x != 5)
print(1 is not None is not False)
a = [1]
b = a
print(a is b is not None, a == [1] != [2])

class Loud:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        print(f"{self.n} < {o.n}")
        return "truthy" if self.n < o.n else ""
r = Loud(1) < Loud(2) < Loud(3)
print(repr(r))
r = Loud(2) < Loud(1) < Loud(3)
print(repr(r))
print("a" < "b" < "c" < "ca", [1, 2] < [1, 2, 0], (1, "a") < (1, "b"))
try:
    1 < "a" < 2
except TypeError as e:
    print(type(e).__name__, e)
