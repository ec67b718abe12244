# A metaclass's mro() decides __mro__; __bases__ assignment recomputes the
# MRO of a class and its subclasses, refills slots, and refuses what
# CPython refuses, with its messages.

def attempt(what, f):
    try:
        r = f()
        print(what, "->", r)
    except Exception as e:
        print(what, "->", type(e).__name__, e)

class A:
    def f(self): return "A"
class B(A): pass
class C(A):
    def f(self): return "C"
class D(B, C): pass

class Reverse(type):
    def mro(cls):
        L = type.mro(cls)
        L.reverse()
        return L

class X(D, B, C, A, metaclass=Reverse):
    pass
print([k.__name__ for k in X.__mro__], X().f())
print(type.mro(X) == [X, D, B, C, A, object], X.mro()[0].__name__)
print(isinstance(X(), X), issubclass(X, A))

class SeesNone(type):
    def mro(cls):
        print("during mro():", cls.__mro__)
        return type.mro(cls)
class Y(metaclass=SeesNone): pass
print(Y.__mro__)

def bad_mro(result):
    class M(type):
        def mro(cls):
            return result(cls)
    class Z(metaclass=M):
        pass
    return Z.__mro__

attempt("dict in mro", lambda: bad_mro(lambda c: [c, dict, object]))
attempt("int in mro", lambda: bad_mro(lambda c: [c, int, object]))
attempt("non-class", lambda: bad_mro(lambda c: [1]))
attempt("non-sequence", lambda: bad_mro(lambda c: 1))
attempt("empty", lambda: bad_mro(lambda c: []))
attempt("tuple", lambda: [k.__name__ for k in bad_mro(lambda c: (c, object))])
attempt("without itself", lambda: bad_mro(lambda c: (A,)))

# __bases__ assignment
class P:
    def meth(self): return 1
class Q:
    def __getattribute__(self, name):
        if name == "a":
            return 2
        return object.__getattribute__(self, name)
    def meth(self): return "Q"
class R(P): pass
class S(R): pass
r, s = R(), S()
print(r.meth(), s.meth(), P.__subclasses__())
R.__bases__ = (Q,)
print(r.meth(), s.meth(), r.a, s.a, [k.__name__ for k in S.__mro__])
print(P.__subclasses__(), [k.__name__ for k in Q.__subclasses__()], R.__base__.__name__)
R.__bases__ = (P,)
print(r.meth(), hasattr(r, "a"), [k.__name__ for k in S.__mro__])

class NoneBase: pass
class L(list): pass
class Sl:
    __slots__ = ("a",)
class Sl2:
    __slots__ = ("a",)
class Sl3:
    __slots__ = ("b",)
class T(Sl): pass
class E(Exception): pass

def setb(cls, bases):
    def go():
        cls.__bases__ = bases
        return [k.__name__ for k in cls.__mro__]
    attempt(f"{cls.__name__}.__bases__ = {bases!r}"[:70], go)

setb(NoneBase, (type(None),))
setb(NoneBase, (object, type(None)))
setb(L, (dict,))
setb(list, (dict,))
setb(R, (P, list))
setb(R, ())
setb(R, [P])
setb(R, (1,))
setb(R, (R,))
setb(R, (S,))
setb(R, (P, P))
setb(T, (Sl2,))
setb(T, (Sl3,))
setb(T, (object,))
setb(R, (object,))
setb(R, (int,))
setb(R, (Exception,))
setb(E, (ValueError,))
setb(E, (OSError,))
attempt("del R.__bases__", lambda: delattr(R, "__bases__"))
attempt("R.__mro__ = ()", lambda: setattr(R, "__mro__", ()))
attempt("int.__mro__ = ()", lambda: setattr(int, "__mro__", ()))

# An MRO conflict leaves everything as it was.
class O1: pass
class O2(O1): pass
class W(O1): pass
attempt("MRO conflict", lambda: setattr(W, "__bases__", (O1, O2)))
print([k.__name__ for k in W.__mro__], W.__bases__)

# Method caches see the change.
class K1:
    def g(self): return "K1"
class K2:
    def g(self): return "K2"
class K3(K1): pass
k = K3()
for i in range(3):
    print(k.g(), end=" ")
    K3.__bases__ = (K2,) if i % 2 == 0 else (K1,)
print()

# A metaclass's mro() runs again when the bases change.
calls = []
class Logging(type):
    def mro(cls):
        calls.append(cls.__name__)
        return type.mro(cls)
class G0(metaclass=Logging): pass
class G1(G0): pass
class G2(G1): pass
class G3(metaclass=Logging): pass
G1.__bases__ = (G3,)
print(calls, [k.__name__ for k in G2.__mro__])

# An error in mro() during reassignment undoes it.
class Fail(type):
    armed = False
    def mro(cls):
        if Fail.armed:
            raise KeyError("no")
        return type.mro(cls)
class H0(metaclass=Fail): pass
class H1(H0): pass
class H2(H1): pass
class H3: pass
Fail.armed = True
attempt("failing mro", lambda: setattr(H1, "__bases__", (H3,)))
Fail.armed = False
print(H1.__bases__, [k.__name__ for k in H2.__mro__])
