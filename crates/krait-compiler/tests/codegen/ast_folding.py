# [positions] CPython 3.11's AST optimizer: binary, unary and subscript folding, limits
a = (2 + 3 + 4, "@" * 4, "abc" + "def", 3 ** 4, 13 // 4, -13 % 4, 13 << 2, 13 >> 2, 13 & 7, 13 ^ 7, 13 | 7)
b = (True + True, True & False, True | 0, ~True, -True, +False, not 1, not "", not x)
c = (1 / 2, 2 ** -1, 2.0 ** 3, 7 % 3.0, -7.5 // 2, 7.5 % -2, 0.0 ** -1, (-8.0) ** 0.5, 1 / 0, 1 % 0)
d = (b"ab" * 3, (1, 2) + (3,), (1, 2, -3) * 6, (1,) * 300, "x" * 10000, 1 << 1000, 2 ** 1000, 2 ** 100)
e = ((12, 13)[1], "foo"[0], "\u0061\uffff"[1], "fuu"[10], b"ab"[0], "abc"[-1], (1, 2)[True], "ab"[1.0])
f = ((1 << 62) * 4, 2 ** 64, 3 ** 80, -(2 ** 62) * 2, 7 % 0, "ab" % (), -"abc", ~"abc", 2 + "b")
g = (x in [1, 2, 3], x not in ["a", "b"], x in {1, 2, 3, 3, 2, 1}, x in [a, b], x in {a, b}, x < y in [1, 2])
h = ["a" in [x, *y], x in [(1, 2), 3, 4], x is [1, 2], 1 < x in (a, b), x in [1] == y]
if not x in [1, 2]:
    pass
while x in {1, 2} and not 0:
    x = x - 1
print([y for x in a for y in [f(x)]], {y for x in a for y in (f(x),)}, {y: y for x in a for y in [x, 1]})
print(list(y for x in a for y in [1]), [z for x in a for y in [x] if y for z in [y] for w in b])
