# Property: generated strings and byte strings through every codec and
# error handler; prints each result (or error) so CPython is the judge.
import codecs

seed = 12345
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed % n

alphabet = [0x41, 0x7a, 0x0, 0x7f, 0x80, 0xe9, 0xff, 0x100, 0x20ac, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdc80,
            0xdfff, 0xe000, 0xfffe, 0xffff, 0x10000, 0x1f600, 0x10ffff, 0x2b, 0x2d, 0x5c, 0x7e]
encodings = ['utf-8', 'utf-16', 'utf-16-be', 'utf-32-le', 'utf-7', 'latin-1', 'ascii', 'cp1252',
             'unicode_escape', 'raw_unicode_escape']
handlers = ['strict', 'replace', 'ignore', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape', 'surrogatepass']
ok = 0
for i in range(150):
    s = ''.join(chr(alphabet[rand(len(alphabet))]) for _ in range(rand(6)))
    enc = encodings[rand(len(encodings))]
    errors = handlers[rand(len(handlers))]
    try:
        b = s.encode(enc, errors)
    except UnicodeEncodeError as e:
        print(i, enc, errors, 'E', e.start, e.end, e.reason)
        continue
    try:
        back = b.decode(enc, errors)
    except UnicodeDecodeError as e:
        print(i, enc, errors, b, 'D', e.start, e.end, e.reason)
        continue
    except TypeError as e:
        print(i, enc, errors, b, type(e).__name__, e)
        continue
    if back == s:
        ok += 1
    else:
        print(i, enc, errors, b, ascii(back))
print('round trips', ok)

byte_pool = [0x00, 0x2b, 0x2d, 0x41, 0x5c, 0x75, 0x78, 0x7f, 0x80, 0xa0, 0xbf, 0xc2, 0xdc, 0xd8, 0xe2, 0xed, 0xf0, 0xf4, 0xfe, 0xff]
for i in range(200):
    data = bytes(byte_pool[rand(len(byte_pool))] for _ in range(rand(7)))
    enc = encodings[rand(len(encodings))]
    errors = handlers[rand(len(handlers))]
    if errors == 'xmlcharrefreplace':
        errors = 'replace'
    try:
        print(i, enc, errors, data, ascii(data.decode(enc, errors)))
    except UnicodeDecodeError as e:
        print(i, enc, errors, data, 'D', e.start, e.end, e.reason)
    fn = getattr(codecs, enc.replace('-', '_') + '_decode', None)
    if fn is not None and enc not in ('latin-1', 'ascii'):
        try:
            print('  partial', ascii(fn(data, errors, False)))
        except UnicodeDecodeError as e:
            print('  partial D', e.start, e.end, e.reason)
