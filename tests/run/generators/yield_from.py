def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    print("inner got", y)
    return "inner-result"

def outer():
    result = yield from inner()
    print("outer got result", result)
    yield "outer-done"

g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))

def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))

def delegate_iterables():
    yield from range(3)
    yield from "ab"
    yield from {"k": 1}
print(list(delegate_iterables()))

def thrower():
    try:
        yield 1
    except KeyError:
        yield "inner handled KeyError"
def wrapper():
    yield from thrower()
w = wrapper()
next(w)
print(w.throw(KeyError))

def bad():
    yield from 5
try:
    list(bad())
except TypeError as e:
    print(type(e).__name__, e)
