class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class C(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class M3(M1, M2): pass
class D(A, B, metaclass=M3): pass
print(type(D).__name__)

class Sub1(M1): pass
class E(metaclass=Sub1): pass
class F(A, E): pass
print(type(F).__name__)

def func_meta(name, bases, ns):
    ns["made_by_function"] = True
    return type(name, bases, ns)
class G(metaclass=func_meta):
    pass
print(G.made_by_function, type(G).__name__)

def weird_meta(name, bases, ns):
    return name.upper()
class H(metaclass=weird_meta):
    pass
print(H)
