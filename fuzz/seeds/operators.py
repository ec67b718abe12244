x = -a + ~b * c @ d / e // f % g ** h << i >> j & k | l ^ m
y = a < b <= c != d == e > f >= g is h is not i in j not in k
x -= 1; x *= 2; x /= 3; x //= 4; x %= 5; x **= 6; x @= m; x <<= 1; x >>= 2; x &= 3; x |= 4; x ^= 5
