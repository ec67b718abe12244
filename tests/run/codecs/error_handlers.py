# Every built-in error handler when encoding and decoding, and handlers
# registered from Python with their (replacement, position) results.
import codecs

text = 'a\xe9\u20ac\U0001f600\udc80z'
for enc in ['ascii', 'latin-1', 'utf-8', 'utf-16-le', 'utf-32-be', 'cp1252']:
    for errors in ['strict', 'ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace',
                   'namereplace', 'surrogateescape', 'surrogatepass']:
        try:
            print(enc, errors, text.encode(enc, errors))
        except UnicodeEncodeError as e:
            print(enc, errors, type(e).__name__, e, e.start, e.end)

data = b'a\xe9\x80\xff\xed\xa0\x80z'
for enc in ['ascii', 'utf-8', 'utf-16-le', 'cp1252', 'cp437']:
    for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape', 'surrogatepass', 'xmlcharrefreplace']:
        try:
            print(enc, errors, ascii(data.decode(enc, errors)))
        except UnicodeDecodeError as e:
            print(enc, errors, type(e).__name__, e, e.start, e.end)
        except TypeError as e:
            print(enc, errors, type(e).__name__, e)

calls = []
def handler(exc):
    calls.append((type(exc).__name__, exc.encoding, exc.start, exc.end, exc.reason))
    if isinstance(exc, UnicodeEncodeError):
        return ('<%d>' % exc.start, exc.end)
    return ('[%s]' % exc.object[exc.start:exc.end].hex(), exc.end)
codecs.register_error('tag', handler)
print('x\xff\u0100y'.encode('ascii', 'tag'), 'x\udc00y'.encode('utf-8', 'tag'))
print(b'x\xffy\xfe'.decode('ascii', 'tag'), b'\xe2\x82x'.decode('utf-8', 'tag'))
print(calls)
print(codecs.lookup_error('tag') is handler, codecs.lookup_error('strict').__name__)

codecs.register_error('from_end', lambda e: ('X', -2))
print(b'\xffab'.decode('ascii', 'from_end'))
codecs.register_error('as_bytes', lambda e: (b'##', e.end))
print('a\xffb'.encode('ascii', 'as_bytes'), 'a\u0100b'.encode('latin-1', 'as_bytes'))
for bad in [lambda e: 'x', lambda e: ('x', 'y'), lambda e: ('x', 99)]:
    codecs.register_error('bad', bad)
    try:
        b'\xff'.decode('ascii', 'bad')
    except Exception as e:
        print(type(e).__name__, e)
codecs.register_error('nonascii', lambda e: ('\xe9', e.end))
try:
    'a\u0100'.encode('ascii', 'nonascii')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)

for name in ['bogus']:
    try:
        b'\xff'.decode('ascii', name)
    except LookupError as e:
        print(type(e).__name__, e)
print(b'ok'.decode('ascii', 'bogus'))

# The handler functions called directly.
exc = UnicodeEncodeError('ascii', 'a\xe9\u20acb', 1, 3, 'nope')
for name in ['ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace', 'namereplace']:
    print(name, codecs.lookup_error(name)(exc))
dexc = UnicodeDecodeError('utf-8', b'a\xff\xfeb', 1, 3, 'nope')
for name in ['ignore', 'replace', 'backslashreplace', 'surrogateescape']:
    print(name, ascii(codecs.lookup_error(name)(dexc)))
try:
    codecs.strict_errors(exc)
except UnicodeEncodeError as e:
    print('strict raised', e)
try:
    codecs.lookup_error('xmlcharrefreplace')(dexc)
except TypeError as e:
    print(type(e).__name__, e)
