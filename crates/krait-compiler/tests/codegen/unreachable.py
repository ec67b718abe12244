def after_return(x):
    return x
    print('never')

def after_break(items):
    for i in items:
        break
        print(i)
    while items:
        continue
        print(items)
    return items

def both_return(x):
    if x:
        return 1
    else:
        return 2
    print('dead')

def nested_loops(n):
    total = 0
    i = 0
    while i < n:
        j = 0
        while j < n:
            if (i + j) % 2:
                j = j + 1
                continue
            total = total + i * j
            j = j + 1
        i = i + 1
    return total

def return_in_for_else(items):
    for i in items:
        if i:
            break
    else:
        return 0
    return 1

def unpack(t):
    x, = t,
    a, b, c = c, b, a
    y, z = z, y
    return x, a, b, c, y, z

def deep(a, b, c):
    if a:
        if b:
            if c:
                return 1
    return 0

print(after_return(1), after_break([1]), both_return(0), nested_loops(3), return_in_for_else([]), deep(1, 1, 1))
