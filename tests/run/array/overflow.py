# array item conversion: the OverflowError/TypeError of every typecode
# for values out of its range, and the edges that fit.
import array

values = [-2**64, -2**63 - 1, -2**63, -2**31 - 1, -2**31, -2**15 - 1, -2**15,
          -129, -128, -1, 0, 127, 128, 255, 256, 2**15 - 1, 2**15, 2**16 - 1,
          2**16, 2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**63 - 1, 2**63, 2**64 - 1,
          2**64, 'a', 1.5, None, 'ab', True]


class Idx:
    def __index__(self):
        return 7


values.append(Idx())
for tc in array.typecodes:
    for v in values:
        try:
            r = repr(array.array(tc, [v]))
        except Exception as e:
            r = type(e).__name__ + ": " + str(e)
        print(tc, type(v).__name__, v if not isinstance(v, Idx) else 'Idx', r)
