class Quiet(Exception):
    pass

def f():
    raise Quiet

print("before")
f()
