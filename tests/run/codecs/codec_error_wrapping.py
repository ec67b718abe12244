# An exception raised inside a codec is re-raised wrapped ("encoding with
# 'NAME' codec failed (Type: msg)", caused by the original) when its type
# can be re-made from a message; otherwise it passes unchanged. Invalid
# escapes in the escape codecs warn (DeprecationWarning).
import codecs, warnings

to_raise = None
def raiser(*args):
    raise to_raise

def search(name):
    if name == "wrap_test":
        return codecs.CodecInfo(raiser, raiser, name="wrap_test")
codecs.register(search)

class Sub(RuntimeError):
    __slots__ = ()
class WithSlot(RuntimeError):
    __slots__ = ("a",)
class CustomInit(RuntimeError):
    def __init__(self):
        pass
class K(KeyError): pass
attr = RuntimeError("has attr")
attr.attr = 1

for exc in [RuntimeError, RuntimeError("msg"), Sub("sub"), WithSlot("slot"), CustomInit,
            attr, RuntimeError(1), RuntimeError("a", "b"), K("k"), OSError("os"),
            UnicodeError("u"), AttributeError("attr"), ValueError("value")]:
    to_raise = exc
    for label, op in [("str.encode", lambda: "x".encode("Wrap-Test")),
                      ("codecs.decode", lambda: codecs.decode(b"x", "wrap_test"))]:
        try:
            op()
        except BaseException as e:
            cause = e.__cause__
            print(label, type(e).__name__, repr(str(e)),
                  type(cause).__name__ if cause is not None else None, e.__suppress_context__)

for name, data in [("hex_codec", b"hello"), ("zlib_codec", b"hello")]:
    try:
        codecs.decode(data, name)
    except Exception as e:
        print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__)

try:
    codecs.decode(b"x", "no-such-codec")
except LookupError as e:
    print("LookupError:", e)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(codecs.escape_decode(b"a\\qb\\z"))
    print(codecs.escape_decode(b"\\777\\q"))
    print(codecs.escape_decode(b"\\8"))
    print(codecs.unicode_escape_decode(b"\\q\\777"))
    print(codecs.unicode_escape_decode(b"\\777"))
    print(b"\\\xfa".decode("unicode_escape"))
    print(codecs.raw_unicode_escape_decode(b"\\q"))
    for x in w:
        print("warning:", x.category.__name__, x.message)
