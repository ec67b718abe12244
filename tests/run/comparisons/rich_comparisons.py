class V:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"V{self.n}"
    def __eq__(self, o):
        print(f"{self}.__eq__({o})")
        return isinstance(o, V) and self.n == o.n
    def __lt__(self, o):
        print(f"{self}.__lt__({o})")
        return self.n < o.n
    def __le__(self, o):
        return self.n <= o.n
    def __gt__(self, o):
        print(f"{self}.__gt__({o})")
        return self.n > o.n

a, b = V(1), V(2)
print(a == b, a != b)
print(a < b, a > b, a <= b)
# No __ge__: the reflected b.__le__(a) answers.
print(a >= b, b >= a)
print(a == 1, 1 == a)
print(sorted([V(3), V(1), V(2)]))
print(max([V(3), V(5)]))

class Reflect:
    def __gt__(self, other):
        return "Reflect.__gt__ via reflection"
print(1 < Reflect())
class NoCompare:
    pass
try:
    NoCompare() < NoCompare()
except TypeError as e:
    print(type(e).__name__, e)
x = NoCompare()
print(x == x, x != x, x == NoCompare())
