# assert raising AssertionError with and without a message; del of locals,
# globals and tuples of names, and the errors that follow.

def check(x, y):
    assert x > y, "x must exceed y: " + str(x) + " <= " + str(y)
    return x - y


print(check(3, 1))
try:
    check(1, 3)
except AssertionError as e:
    print("assert:", e, e.args)
try:
    assert []
except AssertionError as e:
    print("bare assert:", repr(e), e.args)


def local_del():
    v = 5
    del v
    try:
        return v
    except NameError as e:
        return str(e)


print(local_del())
g1 = g2 = 1
del g1, (g2,)
try:
    g1
except NameError as e:
    print(e)
try:
    del g2
except NameError as e:
    print("second del:", e)
x = [1]
assert x, "never"
print("done")
assert len(x) == 2, "length is " + str(len(x))
