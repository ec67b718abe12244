def tagged(fn):
    fn.tag = "T"
    return fn

class C:
    @tagged
    def m(self):
        return "m"

    @staticmethod
    @tagged
    def s():
        return "s"

    @classmethod
    def c(cls):
        return cls.__name__

    @property
    def p(self):
        return "p"

print(C().m(), C.m.tag, C.s(), C().s(), C.c(), C().c(), C().p)
print(C.__dict__["s"].__func__.tag)
print(type(C.__dict__["s"]).__name__, type(C.__dict__["c"]).__name__, type(C.__dict__["p"]).__name__)

class D(C):
    pass
print(D.c(), D().c())

def method_counter(fn):
    calls = 0
    def wrapper(self, *a):
        nonlocal calls
        calls += 1
        return fn(self, *a), calls
    return wrapper

class E:
    @method_counter
    def go(self, x):
        return x + 1
e = E()
print(e.go(1), e.go(2), E().go(3))
