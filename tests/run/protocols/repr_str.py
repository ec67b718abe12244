class Both:
    def __repr__(self):
        return "Both-repr"
    def __str__(self):
        return "Both-str"

class ReprOnly:
    def __repr__(self):
        return "ReprOnly-repr"

class StrOnly:
    def __str__(self):
        return "StrOnly-str"

for o in (Both(), ReprOnly()):
    print(str(o), repr(o), [o], (o,), {"k": o}, f"{o} {o!r}", "%s %r" % (o, o))
s = StrOnly()
print(str(s), repr(s).startswith("<__main__.StrOnly object at 0x"))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\n\t\\"), repr("\x00\x7f\u00e9\u200b"))
print(str(1.0), repr(1.5), str(None), repr(True), str(b"x"), repr(bytearray(b"ab")))
print(ascii("café ☃"), ascii([1, "é"]))

class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
class StrSub(str):
    pass
class ReturnsSub:
    def __repr__(self):
        return StrSub("sub ok")
print(repr(ReturnsSub()), type(repr(ReturnsSub())).__name__)
