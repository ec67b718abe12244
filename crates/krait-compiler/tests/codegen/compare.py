a = 1 < 2
b = 1 < x <= 3
c = x is None or y is not None and z in w
d = x not in y
e = x if y else z
