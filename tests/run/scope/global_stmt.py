x = 1

def read():
    return x

def write():
    global x
    x = 2

def create():
    global fresh
    fresh = "made"

print(read())
write()
print(read(), x)
create()
print(fresh)

def unbound():
    print(x)
    x = 3
try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)
print(isinstance(UnboundLocalError(), NameError))

def use_missing():
    return missing_name
try:
    use_missing()
except NameError as e:
    print(type(e).__name__, e)

def global_del():
    global fresh
    del fresh
global_del()
try:
    fresh
except NameError as e:
    print(type(e).__name__, e)

counter = 0
def bump():
    global counter
    for _ in range(5):
        counter += 1
bump(); bump()
print(counter)
