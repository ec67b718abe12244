x = "global"

def outer():
    def inner():
        nonlocal x
        x = "changed"
    inner()
    return x

print(outer())
