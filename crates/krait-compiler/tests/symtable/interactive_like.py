if True:
    def f(): pass
else:
    class f: pass
while x:
    y = 1
else:
    z = 2
