x = 1
d = dict(a = i for i in range(10))
