# The number slots of built-in types called as dunder methods: on the type
# (unbound, the receiver first) and on an instance (a method-wrapper).
print(int.__add__(3, 4), (3).__add__(4), (3).__radd__(4), (10).__sub__(3), (10).__rsub__(3))
print((3).__add__("a"), (3).__radd__(2.5), int.__mul__(6, 7), int.__lt__(1, 2.5))
print((7).__floordiv__(2), (7).__rfloordiv__(2), (7).__mod__(3), (7).__truediv__(2), (2).__rtruediv__(1))
print((6).__and__(3), (6).__or__(3), (6).__xor__(3), (1).__lshift__(4), (256).__rshift__(4), (4).__rlshift__(1))
print((-3).__abs__(), (5).__neg__(), (5).__pos__(), (5).__invert__(), (0).__bool__(), (7).__bool__())
print(True.__int__(), True.__index__(), (3).__float__(), (3.9).__int__(), (-3.9).__int__(), (2.5).__float__())
print((7).__divmod__(2), (7).__rdivmod__(2), (7.5).__divmod__(2), (2.0).__rdivmod__(7), (7).__divmod__("x"))
print(int.__pow__(2, 10), int.__pow__(2, 10, 7), int.__pow__(2, 10, None), int.__rpow__(2, 10), int.__rpow__(2, 10, 7))
print(int.__pow__(2, 3.0), int.__pow__(2, 3, 4.0), float.__pow__(2.0, 3), float.__rpow__(2.0, 3))
print((1.5).__add__(1), (1.5).__radd__(1), (1.5).__mul__("a"), (2.5).__neg__(), (-2.5).__abs__(), (0.0).__bool__())
print(complex.__add__(1j, 1), (1j).__mul__(1j), (3 + 4j).__abs__(), (1j).__neg__(), (0j).__bool__(), (1j).__radd__(2))
print(True.__and__(False), True.__or__(False), True.__xor__(True), True.__and__(3), True & False, True | 2)
print(bool.__and__ is not int.__and__, bool.__add__ is int.__add__, bool.__neg__ is int.__neg__)
print({1, 2}.__sub__({1}), {1, 2}.__rsub__({1, 3}), frozenset({1}).__or__({2}), {1}.__and__([1]))
s = {1, 2}
print(s.__ior__({3}), s, s.__isub__({1}), s)
print("%s-%d".__mod__(("a", 1)), "x".__rmod__("%s"), "ab".__add__("c"), "ab".__mul__(2), "ab".__rmul__(3))
print(b"%d".__mod__(5), [1].__add__([2]), [1].__mul__(3), [0].__rmul__(2), (1,).__add__((2,)), (1, 2).__mul__(-1))
lst = [1]
print(lst.__iadd__([2]) is lst, lst, lst.__imul__(2) is lst, lst)
ba = bytearray(b"a")
print(ba.__iadd__(b"b"), ba.__imul__(2), ba.__add__(b"!"))
