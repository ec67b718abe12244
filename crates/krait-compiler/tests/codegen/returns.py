def sign(x):
    if x > 0:
        return 1
    elif x < 0:
        return -1
    else:
        return 0

def find(items, target):
    for i in items:
        if i == target:
            return i
    return None

def loop_return(n):
    while n > 0:
        if n == 5:
            return n
        n = n - 1

def first_even(items):
    for i in items:
        for j in items:
            if i + j == 4:
                return i, j
    else:
        return 'none'

def pick(a, b):
    return a if a > b else b

def swap(a, b):
    a, b = b, a
    return a, b

def noop(x):
    if x:
        pass

def early(x):
    if x:
        return
    print(x)

def defaults(a, b=(1, 2), c='s', d=None):
    return a

print(sign(3), find([1, 2], 2), loop_return(9), first_even([1, 3]), pick(1, 2), swap(1, 2), noop(0), early(0))
