d = {("a", 1): "tuple key"}
print(d[("a", 1)])
d[("b", 2)]
