nan = float("nan")
inf = float("inf")
print(nan == nan, nan < 1, nan > 1, nan != nan, inf > 10 ** 1000, -inf < -10 ** 1000)
print(1.0 == 1, 0.5 == 1 / 2, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 > inf, 10 ** 400 < inf, 10 ** 400 > 1e308, -(10 ** 400) < -1e308)
print(hash(1.0) == hash(1), hash(0.5), hash(-0.0), hash(inf), hash(-inf), hash(1e100) == hash(int(1e100)), hash(2.0 ** 61) == hash(2 ** 61))
print(sorted([3.0, 1, 2.5, -inf, inf, 0]), max(1, 1.0), max(1.0, 1), min(-0.0, 0.0), min(0.0, -0.0))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d)
s = {0, 0.0, False, -0.0}
print(s, len(s))
print(len(sorted([nan, 1.0, 0.5])), max(nan, 1.0), max(1.0, nan))
print(float.__eq__(1.0, 1), float.__eq__(1.0, "1"), (1.5).__lt__(2), (2.0).__gt__(10 ** 400))
