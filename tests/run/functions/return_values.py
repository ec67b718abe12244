def none():
    pass

def early(x):
    if x:
        return "yes"
    return "no"

def multi():
    return 1, 2, 3

def bare():
    return

print(none(), bare())
print(early(1), early(0))
a, b, c = multi()
print(a, b, c, multi())

def loop_return(n):
    for i in range(n):
        if i * i > n:
            return i
    else:
        return -1
print(loop_return(10), loop_return(0))

def nested_return():
    while True:
        try:
            return "from try"
        finally:
            print("finally runs")
print(nested_return())
