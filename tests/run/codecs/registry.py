# The codec registry: search functions, the cache, CodecInfo, lookup errors.
import codecs

info = codecs.lookup('UTF-8')
print(info.name, type(info).__name__, isinstance(info, tuple), len(info))
print(codecs.lookup('latin1').name, codecs.lookup('U16').name, codecs.lookup('cp1252').name)

seen = []
def search(name):
    seen.append(name)
    if name == 'my_codec':
        return codecs.CodecInfo(lambda s, e='strict': (s.upper().encode(), len(s)),
                                lambda b, e='strict': (bytes(b).decode().lower(), len(b)),
                                name='my-codec')
    return None

codecs.register(search)
print(codecs.lookup('My Codec').name, codecs.lookup('my-codec') is codecs.lookup('my_codec'))
print(seen)
print('abc'.encode('my-codec'), b'XYZ'.decode('my-codec'))
print(codecs.encode('hi', 'my_codec'), codecs.decode(b'HI', 'my_codec'))
for name in ['no-such-codec', 'A  B--c']:
    try:
        codecs.lookup(name)
    except LookupError as e:
        print(type(e).__name__, e)
print(seen)
codecs.unregister(search)
try:
    codecs.lookup('my_codec')
except LookupError as e:
    print('after unregister:', e)

def bad(name):
    return (1, 2) if name == 'bad_codec' else None
codecs.register(bad)
try:
    codecs.lookup('bad_codec')
except TypeError as e:
    print(type(e).__name__, e)
for args in [(1,), ()]:
    try:
        codecs.lookup(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    codecs.register(42)
except TypeError as e:
    print(type(e).__name__, e)

# Non-text codecs through codecs.encode/decode only.
print(codecs.encode('uryyb', 'rot13'), codecs.decode('uryyb', 'rot_13'))
for f in [lambda: 'x'.encode('rot13'), lambda: b'x'.decode('rot13')]:
    try:
        f()
    except LookupError as e:
        print(type(e).__name__, e)

def wrong(name):
    if name == 'wrong':
        return codecs.CodecInfo(lambda s, e='strict': 'not bytes', lambda b, e='strict': (42, 1), name='wrong')
codecs.register(wrong)
for f in [lambda: 'x'.encode('wrong'), lambda: b'x'.decode('wrong'), lambda: codecs.encode('x', 'wrong')]:
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)

# names are normalized over their UTF-8 bytes: a non-ASCII character is
# punctuation, whatever str.isalnum says of it
for n in ['lat\u0345in1', 'utf\u00e98', 'utf\u2160 8', 'l\u0660atin1', 'latin\u00b21', 'UTF\u00a08']:
    try:
        print(ascii(n), codecs.lookup(n).name)
    except LookupError as e:
        print(ascii(n), 'LookupError', ascii(str(e)))
