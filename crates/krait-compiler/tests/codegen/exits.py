def loop_exits(a, c):
    while a and not c:
        c = not c

def for_exits(items, flag):
    for i in items:
        if i and flag:
            break
        if i or flag:
            continue

def nested_exits(a, b):
    if a:
        if b:
            print(a)
    elif b:
        print(b)

def chain(a, b, c):
    x = a < b < c
    if a < b < c:
        return x
    while a < b <= c:
        a = a + 1

def swaps(a, b, c):
    a, b = b, a
    a, b, c = c, b, a
    return a, b, c

def tuples(a):
    return (a, 1), [1, 2, 3], (1, 2)

def is_none(a, b):
    if a is None or b is not None:
        return 1
    while a is not None:
        a = None

print(loop_exits(1, 0), for_exits([1], 0), nested_exits(1, 1), chain(1, 2, 3), swaps(1, 2, 3), tuples(0), is_none(None, None))
