# int's regular methods: bit_count, as_integer_ratio, conjugate, the
# math/round hooks, __getnewargs__, __sizeof__; results are exact ints.
for n in (0, 1, -1, 7, -7, 255, 2 ** 100 - 1, -(2 ** 100), 10 ** 50, True, False):
    print(n.bit_count(), n.bit_length(), n.as_integer_ratio(), n.conjugate(), n.__trunc__(), n.__floor__(), n.__ceil__(), n.__round__())
for n, d in ((15, -1), (25, -1), (-25, -1), (-35, -1), (123456, -2), (10 ** 40 + 5 * 10 ** 20, -21), (7, -100), (5, 3), (5, 0), (99, -2), (150, -2), (250, -2)):
    print(n, d, n.__round__(d), round(n, d))


class I(int):
    pass


x = I(7)
print([type(f()).__name__ for f in (x.__floor__, x.__round__, lambda: x.__round__(2), lambda: x.__round__(-1), x.conjugate,
                                    lambda: x.as_integer_ratio()[0], lambda: x.__getnewargs__()[0], True.conjugate)])
print(x.bit_count(), x.__getnewargs__(), True.__getnewargs__(), (-5).__getnewargs__(), int.bit_count(-255), int.__floor__(3))
print((0).__sizeof__(), (1).__sizeof__(), (2 ** 30).__sizeof__(), (2 ** 30 - 1).__sizeof__(), (10 ** 100).__sizeof__(), True.__sizeof__())
for bad in (lambda: (5).__round__(1, 2), lambda: (5).__round__(1.5), lambda: (5).__round__(None), lambda: (5).__ceil__(1),
            lambda: (5).conjugate(1), lambda: (5).bit_count(1), lambda: (5).bit_count(x=1), lambda: (5).as_integer_ratio(1),
            lambda: (1).is_integer(), lambda: (1).to_bytes(1, "big", True), lambda: (1).to_bytes(1, "big", True, signed=1),
            lambda: int.from_bytes(b"", "big", True), lambda: (5).__getnewargs__(1)):
    try:
        print(bad())
    except (TypeError, AttributeError) as ex:
        print(type(ex).__name__, ex)


class Idx:
    def __index__(self):
        return -1


print((1234).__round__(Idx()), hex(Idx()), oct(Idx()), bin(Idx()), "abc"[Idx()])
