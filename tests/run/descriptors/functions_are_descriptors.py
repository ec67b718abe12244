def free(self, x):
    return (type(self).__name__, x)

class A:
    pass

A.f = free
a = A()
print(a.f(1))
bound = free.__get__(a, A)
print(bound(2), type(bound).__name__)
print(free.__get__(None, A) is free)

a.g = free
try:
    a.g(3)
except TypeError as e:
    print(type(e).__name__, e)
print(a.g(a, 3))

print(type(A.f).__name__, type(a.f).__name__)
m1, m2 = a.f, a.f
print(m1 == m2, m1 is m2, m1.__func__ is free)

class B:
    def m(self):
        return "m"
print(B.m(B()), len.__self__.__name__)
print([1, 2].append.__self__, "abc".upper.__name__, type("".upper).__name__)
print(type(str.upper).__name__, type(str.__dict__["maketrans"]).__name__)
