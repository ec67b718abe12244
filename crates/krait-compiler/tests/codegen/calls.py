print("a", 1, sep="-", end="!\n")
s = "a,b".split(",")
n = len(s)
t = (1, 2, (3, 4))
l = [1, 2, 3]
m = [x, y]
d = {"a": 1, "b": 2}
e = {x: y}
v = l[0] + d["a"] + t[1:2][0]
o = s.upper().lower
