a = [1, 2.5, 3j, 0x1F, 1_000, "s", b"b", ..., None, True]
b = {k: v for k, v in zip(a, a) if k}
c = {x for x in a}
d = (y for y in a)
e = a[1:2, ::3]
f = f"{a!r:>{width}} and {b=}"
g = x if y else z
h = (n := 10)
i = -x + ~y * z @ w // 3 % 2 << 1 >> 2 & 3 | 4 ^ 5
j = 1 < 2 <= 3 != 4
k = "implicit" "concatenation"
l = *a, *b
