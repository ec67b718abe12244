# Sequence, mapping, comparison, hash, iteration and call slots of
# built-in types, called as dunder methods.
print("ab".__contains__("a"), str.__contains__("abc", "d"), [1, 2].__contains__(2), (1,).__contains__(3))
print({"k": 1}.__contains__("k"), {1}.__contains__(1), b"abc".__contains__(98), {"k": 1}.keys().__contains__("k"))
print(list.__len__([1, 2]), "abc".__len__(), {}.__len__(), type(list.__len__([])).__name__)
print([5, 6].__getitem__(-1), "abc".__getitem__(slice(1, None)), {"a": 1}.__getitem__("a"), (1, 2, 3).__getitem__(1))
lst, d = [1, 2, 3], {"a": 1}
print(lst.__setitem__(0, 9), lst.__delitem__(1), lst, d.__setitem__("b", 2), d.__delitem__("a"), d)
ba = bytearray(b"abc")
ba.__setitem__(0, 65)
ba.__delitem__(slice(1, 2))
print(ba)
print(object.__eq__(1, 1), object.__eq__(1, 2), object.__ne__(1, 1), object.__ne__(1, 2), object.__lt__(1, 2))
print((1).__eq__(1.0), (1.0).__eq__(1), (1).__lt__(2), "a".__lt__("b"), [1].__le__([1]), (1, 2).__gt__((1,)))
print(int.__hash__(-1), (5).__hash__() == hash(5), "s".__hash__() == hash("s"), list.__hash__, dict.__hash__, set.__hash__)
print(bytearray.__hash__, frozenset.__hash__ is not None, object.__hash__(None) == hash(None))
it = [1, 2].__iter__()
print(it.__next__(), it.__next__(), type(it).__next__ is not None, it.__iter__() is it)
try:
    it.__next__()
except StopIteration as e:
    print("StopIteration", e.args)
print((lambda x: x * 2).__call__(21), len.__call__("abc"), int.__call__("42"), type.__call__(int, "7"))
print((1).__repr__(), "a".__repr__(), "a".__str__(), (1.5).__str__(), object.__repr__(1)[:13], object.__str__([1]))
print(type(None).__bool__(None), type(None)() is None, type(NotImplemented)() is NotImplemented)
class Obj:
    pass
o = Obj()
object.__setattr__(o, "x", 5)
print(object.__getattribute__(o, "x"), o.__getattribute__("x"), object.__delattr__(o, "x"), hasattr(o, "x"))
p = property(lambda self: 42)
print(property.__get__(p, o), p.__get__(None, Obj) is p, type(p).__get__(p, o, Obj))
class WithSetter:
    v = property(lambda self: self._v, lambda self, x: setattr(self, "_v", x), lambda self: print("deleting"))
w = WithSetter()
WithSetter.v.__set__(w, 7)
print(w.v, WithSetter.__dict__["v"].__delete__(w))
print(type(p).__init__ is object.__init__, list.__init__ is not object.__init__)
l2 = [9]
print(list.__init__(l2, (1, 2)), l2, dict.__new__(dict) == {}, object.__new__(Obj).__class__.__name__)
