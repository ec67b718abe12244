# __class__ assignment: CPython compatible_for_assignment walks each class up its tp_base chain
class G(object):
    __slots__ = ["a", "b"]
class H(object):
    __slots__ = ["b", "a"]
class I(object):
    __slots__ = ["a", "b"]
class J(object):
    __slots__ = ["c", "b"]
class K(object):
    __slots__ = ["a", "b", "d"]
class L(H):
    __slots__ = ["e"]
class M(I):
    __slots__ = ["e"]
class N(J):
    __slots__ = ["__weakref__"]
class P(J):
    __slots__ = ["__dict__"]
class Q(J):
    pass
class R(J):
    __slots__ = ["__dict__", "__weakref__"]
class Int(int): __slots__ = []
for cls in G, H, I, J, K, L, M, N, P, Q, R, list, Int, int, bool, object:
    for cls2 in G, H, I, J, K, L, M, N, P, Q, R, list, Int, int, bool, object:
        if cls is cls2:
            continue
        try:
            x = cls()
            x.__class__ = cls2
            print(cls.__name__, cls2.__name__, "ok")
        except TypeError as e:
            print(cls.__name__, cls2.__name__, e)
class A: pass
try:
    del A().__class__
except TypeError as e: print(e)
try:
    A().__class__ = 1
except TypeError as e: print(e)
