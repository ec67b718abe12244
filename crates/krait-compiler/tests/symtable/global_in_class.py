x = 1
class C:
    global x
    x = 2
    def m(self):
        return x
def f():
    y = 1
    class D:
        global y
        def m(self):
            return y
    return D
