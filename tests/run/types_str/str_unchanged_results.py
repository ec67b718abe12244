# Methods that change nothing return the str itself, but a new exact str for
# a str subclass; ''.join of one exact str is that str; ascii() of an ASCII
# repr is the repr object itself; str iterators pickle, and exhausted
# iterators (str_iterator, reversed) let go of their string; a str-subclass
# attribute name is found by plain attribute lookup.
import pickle


class S(str):
    pass


s = "abc"
t = S("abc")
for name, args in [("strip", ()), ("strip", ("xyz",)), ("lstrip", ()), ("rstrip", ()), ("ljust", (3,)),
                   ("rjust", (2,)), ("center", (3,)), ("zfill", (3,)), ("replace", ("x", "y")),
                   ("removeprefix", ("x",)), ("removesuffix", ("",)), ("expandtabs", ())]:
    r1 = getattr(s, name)(*args)
    r2 = getattr(t, name)(*args)
    print(name, r1 is s, r2 is t, type(r2).__name__, r2 == t)
print("".join([s]) is s, "".join([t]) is t, type("".join([t])).__name__)
print(S("").replace("A", "") is S(""), type(S("").replace("A", "")).__name__)


class R:
    def __repr__(self):
        return S("<abc>")


class U:
    def __repr__(self):
        return S("<\xe9>")


print(type(ascii(R())).__name__, ascii(R()), type(ascii(U())).__name__, ascii(U()))

for case in ["abc", "\U0001f680\U0001f680x", "\u1111\u2222\u3333", ""]:
    it = iter(case)
    next(it, None)
    print(ascii(it.__reduce__()[1:]))
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        print(proto, ascii("".join(pickle.loads(pickle.dumps(it, proto)))), end="; ")
    print()
it = iter("abcdef")
it.__setstate__(4)
print(list(it), it.__reduce__()[1:])
it = iter("\xe9\xe9\xe9")
it.__setstate__(-5)
print(ascii(list(it)))
it = iter("xyz")
it.__setstate__(99)
print(list(it))
print(pickle.loads(pickle.dumps(len)) is len, pickle.loads(pickle.dumps(iter)) is iter)

log = []


def check(make, cls):
    class A(cls):
        def __del__(self):
            log.append("del")
            try:
                next(it)
            except StopIteration:
                log.append("stop inside")

    it = make(A("ab"))
    items = [next(it), next(it)]
    end = next(it, "end")
    print(end, items)
    print(log)
    log.clear()


check(iter, str)
check(reversed, str)
check(reversed, tuple)

name2 = S("name2")


class Bag:
    pass


o = Bag()
try:
    del o.name2
except AttributeError as e:
    print(e)
setattr(o, name2, 3)
print(o.name2, list(o.__dict__))
o.__dict__[S("other")] = 5
print(o.other)
