def logged(fn):
    def wrapper(*args):
        print("calling", fn.__name__, args)
        return fn(*args)
    return wrapper

@logged
def parse(text):
    return [int(part) for part in text.split(",")]

print(parse("1,2,3"))
print(parse("4,five"))
