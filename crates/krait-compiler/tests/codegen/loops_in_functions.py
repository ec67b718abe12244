def total(n):
    t = 0
    for i in range(n):
        t += i
        if t > 100:
            return t
    return t

def count(n):
    i = 0
    while i < n:
        i += 1
    return i
