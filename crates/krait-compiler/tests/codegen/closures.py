def outer(a):
    b = 2
    def inner(c):
        return a + b + c
    return inner

sq = [x * x for x in range(5) if x]
