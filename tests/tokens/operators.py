x += 1; y -= 2; z **= 3; w //= 4; v @= m; u >>= 1; t <<= 2
r = a->b if a != b else a <= b >= c == d
s = (a := 1) ... [x] {y: z} ~a ^ b | c & d
