# UTF-8/16/32/7 through the _codecs functions: BOMs, surrogates, non-BMP
# text, truncated input, and final=False leaving partial sequences unread.
import codecs

samples = ['', 'abc', 'h\xe9llo', '\u20ac\u4e2d', '\U0001f600x\U00010000', '\x00\x7f\x80\uffff']
for s in samples:
    print(ascii(s))
    for enc in ['utf-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be', 'utf-7']:
        b = s.encode(enc)
        back = b.decode(enc)
        print(' ', enc, b, back == s)

for data in [b'\xe2\x82', b'\xe2\x82\xac', b'a\xf0\x9f\x98', b'\xf0\x9f\x98\x80', b'\xff', b'a\xc3']:
    print(data, codecs.utf_8_decode(data, 'strict', False), end=' ')
    try:
        print(codecs.utf_8_decode(data, 'strict', True))
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)

for data in [b'\xff\xfe', b'\xff\xfeA', b'\xff\xfeA\x00', b'\xfe\xff\x00A', b'A\x00\x00\xd8', b'A\x00\x00\xd8\x00\xdc',
             b'\x00\xdc', b'\x00\xd8A\x00', b'A']:
    print(data, codecs.utf_16_ex_decode(data, 'strict', 0, False), end=' ')
    try:
        print(codecs.utf_16_decode(data, 'strict', True))
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
    print('  replace', ascii(codecs.utf_16_decode(data, 'replace', True)))

for data in [b'\xff\xfe\x00\x00A\x00\x00\x00', b'\x00\x00\xfe\xff\x00\x00\x00A', b'A\x00\x00', b'\x00\xd8\x00\x00',
             b'\x00\x00\x11\x00', b'A\x00\x00\x00B']:
    print(data, codecs.utf_32_ex_decode(data, 'strict', 0, False), end=' ')
    try:
        print(codecs.utf_32_decode(data, 'strict', True))
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)

for s in ['a+b', '~\\', 'A\u2262\u0391.', '\U0001f600', 'hi mom -\u263a-!']:
    print(ascii(s), codecs.utf_7_encode(s))
for data in [b'+IK', b'+IKw', b'a+', b'+2D3', b'+2D3eAA-', b'+A-', b'\x80', b'+\x80', b'+IKx-', b'+AAA-', b'a+-b']:
    print(data, codecs.utf_7_decode(data, 'strict', False), end=' ')
    try:
        print(codecs.utf_7_decode(data, 'strict', True))
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)

print(codecs.utf_16_encode('a', 'strict', 1), codecs.utf_16_encode('a', 'strict', -1), codecs.utf_32_encode('a', None, 1))
print(codecs.utf_16_le_encode('\U0001f600'), codecs.utf_32_be_encode('\U0001f600'))
for s in ['\ud800', 'a\udc00\ud800b']:
    for enc in ['utf-8', 'utf-16', 'utf-32-le']:
        try:
            s.encode(enc)
        except UnicodeEncodeError as e:
            print(enc, e, e.start, e.end)
        print(enc, 'surrogatepass', s.encode(enc, 'surrogatepass').decode(enc, 'surrogatepass') == s)

dec = codecs.getincrementaldecoder('utf-16')()
out = [dec.decode(bytes([b])) for b in '\U0001f600ab'.encode('utf-16')]
print([ascii(o) for o in out], ascii(dec.decode(b'', final=True)))
dec = codecs.getincrementaldecoder('utf-8')(errors='replace')
print([ascii(dec.decode(bytes([b]))) for b in b'\xe2\x82\xac\xe2\x82'], ascii(dec.decode(b'', True)))
enc = codecs.getincrementalencoder('utf-16')()
print(enc.encode('a'), enc.encode('b'))
for args in [(), (b'x', 1), (b'x', None, True, 4)]:
    try:
        codecs.utf_8_decode(*args)
    except TypeError as e:
        print(type(e).__name__, e)
for f in [lambda: codecs.utf_8_decode('str'), lambda: codecs.latin_1_encode(b'x'), lambda: codecs.utf_8_decode(b'', errors=None)]:
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
