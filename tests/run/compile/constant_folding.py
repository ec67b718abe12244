# Constants the compiler folds (CPython's AST optimizer) keep Python's values.
import dis


def consts(src):
    return compile(src, "<folding>", "eval").co_consts


print(True + True, True & False, True | 0, ~True, -True, +False, not 1, not "")
print(1 / 2, 2 ** -1, 2.0 ** 3, 7 % 3.0, -7.5 // 2, 7.5 % -2, -7 // 2.0, 5 % -3)
print((-8.0) ** 0.5, (1 + 2j) ** 3, (1 + 2j) / (3 - 4j), 2j ** 0.5, 1j ** -2)
print(b"ab" * 3, (1, 2) + (3,), (1, -2) * 3, "ab" * True, 3 * "x")
print((1 << 62) * 4, 2 ** 64, 3 ** 80, -(2 ** 62) * 2, 1 << 127, -(1 << 63))
print((12, 13)[1], "foo"[0], "\u0061\uffff"[1], b"ab"[0], "abc"[-1], (1, 2)[True])
for src in ["1 / 0", "1 % 0", "0.0 ** -1", "'fuu'[10]", "-'abc'", "2 + 'b'", "(1,) * 300", "'x' * 5000"]:
    try:
        eval(src)
    except Exception as e:
        print(src, type(e).__name__, e)
    else:
        print(src, "ran")
print(consts("x in {1, 2, 3, 3, 2, 1}"), consts("x in [1, 'a', None]"), consts("x not in {1.0, 1, True}"))
print(consts("(-8.0) ** 0.5, 2 ** 100, 1 << 1000"))
print([op.opname for op in dis.get_instructions(compile("'%s' % (x,)", "", "eval"))])
x, y = "ab", [1]
print("a%sb%-5r|%%|%.1s|%4a" % (x, y, x, "é"), "%s" % (x,), "%(k)s" % {"k": 1})
print([y for x in range(3) for y in [x * 2]], sorted({y for x in "abc" for y in (x.upper(),)}))
print([(x, y, z) for x in range(2) for y in [x + 1] if y for z in [y, y]])
