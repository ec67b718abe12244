class Weird:
    def __eq__(self, other):
        return "not a bool"
    def __ne__(self, other):
        return 0
    __hash__ = object.__hash__

w = Weird()
print(w == 1, w != 1, [w] == [1], w in [1])
print([w] == [w], w in [w])

class NeDefault:
    def __eq__(self, other):
        print("__eq__ called")
        return False
print(NeDefault() != NeDefault())

class EqRaises:
    def __eq__(self, other):
        raise RuntimeError("no comparing")
    __hash__ = object.__hash__
e = EqRaises()
print(e in [e], [e] == [e])
try:
    e in [1]
except RuntimeError as exc:
    print(type(exc).__name__, exc)
try:
    {e: 1, EqRaises(): 2}
    print("dict ok: different hashes do not compare")
except RuntimeError as exc:
    print(type(exc).__name__, exc)
print(1 is 1, "a" == "a", [] is [], () is ())
