# bytearray: item and slice assignment and deletion, the mutating methods,
# += and *=, and what they refuse.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def setitem(ba, key, value):
    ba[key] = value
    return ba


def delitem(ba, key):
    del ba[key]
    return ba


def B():
    return bytearray(b"hello")


ba = B()
ba[0] = 74
ba[-1] = ord("y") if False else 121
print(ba, setitem(B(), slice(0, 1), b"J"), setitem(B(), slice(1, 3), [1, 2, 3]), setitem(B(), slice(4, 1), b"XY"))
print(setitem(B(), slice(0, 5, 2), b"xyz"), setitem(B(), slice(None, None, -1), b"abcde"), setitem(B(), slice(1, 3), B()))
print(setitem(B(), slice(0, 0), range(3)), setitem(B(), slice(0, 0), iter([65])), setitem(B(), slice(2, None), bytearray()))
x = B()
x[1:3] = x
print(x, delitem(B(), 0), delitem(B(), -1), delitem(B(), slice(0, 5, 2)), delitem(B(), slice(None, None, -2)), delitem(B(), slice(1, 3)))
ba = B()
ba.append(33)
ba.extend(b"??")
ba.extend([65, 66])
ba.extend(iter(range(48, 50)))
ba.insert(0, 62)
ba.insert(-100, 60)
ba.insert(100, 46)
print(ba, ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(108)
print(ba, ba.copy(), ba.copy() is ba, ba.copy() == ba)
ba.reverse()
print(ba)
ba.clear()
print(ba, len(ba))
ba = B()
ba += b"!"
ba += bytearray(b"?")
alias = ba
ba *= 2
print(ba, alias is ba, bytearray(b"ab") * 0)
try:
    ba += ba
except BufferError as e:
    print("BufferError", e)
empty = bytearray()
empty += empty
print(ba, empty)
ba = bytearray(b"abc")
ba.__setitem__(0, 65)
ba.__delitem__(-1)
print(ba, bytearray.__setitem__(ba, slice(0, 1), b"zz"), ba)
for f in (lambda: setitem(B(), 0, 300), lambda: setitem(B(), 0, "a"), lambda: setitem(B(), 0, b"a"),
          lambda: setitem(B(), 9, 1), lambda: setitem(B(), -6, 1), lambda: setitem(B(), 9, 300), lambda: setitem(B(), "x", 1),
          lambda: setitem(B(), slice(0, 1), 5), lambda: setitem(B(), slice(0, 1), "ab"), lambda: setitem(B(), slice(0, 1), [1, 256]),
          lambda: setitem(B(), slice(0, 1), [1, "a"]), lambda: setitem(B(), slice(0, 5, 2), b"xy"), lambda: setitem(B(), slice(0, 0), None),
          lambda: delitem(B(), 9), lambda: delitem(B(), "a"), lambda: B().pop(9), lambda: bytearray().pop(), lambda: B().pop("a"),
          lambda: B().pop(1, 2), lambda: B().append(300), lambda: B().append("a"), lambda: B().append(),
          lambda: B().append(item=1), lambda: B().extend(5), lambda: B().extend("ab"), lambda: B().extend([300]),
          lambda: B().extend(), lambda: B().remove(120), lambda: B().remove(b"l"), lambda: B().insert("a", 1),
          lambda: B().insert(0), lambda: B().insert(0, 300), lambda: B().clear(1), lambda: B().copy(1),
          lambda: B().reverse(1), lambda: B().__setitem__(0), lambda: B().__delitem__(), lambda: b"ab".__setitem__(0, 1)):
    show(f)


def iadd(b, x):
    b += x
    return b


def imul(b, x):
    b *= x
    return b


for f in (lambda: iadd(B(), "!"), lambda: iadd(B(), [1]), lambda: imul(B(), "a"), lambda: imul(B(), 0), lambda: iadd(b"x", b"y")):
    show(f)


def assign_bytes():
    b = b"abc"
    b[0] = 1


def delete_bytes():
    b = b"abc"
    del b[0]


for f in (assign_bytes, delete_bytes):
    show(f)
