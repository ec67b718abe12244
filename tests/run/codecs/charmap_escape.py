# latin-1, ascii, charmap (the encodings package's cp* tables) and the
# escape codecs.
import codecs

print(codecs.latin_1_encode('ab\xff'), codecs.latin_1_decode(b'ab\xff'), codecs.ascii_decode(memoryview(b'ab')))
for enc in ['cp1252', 'cp437', 'iso8859-15', 'koi8-r', 'mac-roman', 'cp037']:
    s = 'Az\u20ac\xe9'
    try:
        b = s.encode(enc)
        print(enc, b, b.decode(enc) == s)
    except UnicodeEncodeError as e:
        print(enc, type(e).__name__, e)
    print(enc, ascii(bytes(range(128, 256, 9)).decode(enc, 'replace')))

m = {97: 'xy', 98: None, 99: 0x20ac, 100: 'q'}
for data in [b'acd', b'ab', b'ae']:
    try:
        print(codecs.charmap_decode(data, 'strict', m))
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
print(codecs.charmap_decode(b'abc', 'replace', 'x\ufffe'), codecs.charmap_decode(b'ab', 'strict', None))
for bad in [{97: 0x110000}, {97: 1.5}]:
    try:
        codecs.charmap_decode(b'a', 'strict', bad)
    except TypeError as e:
        print(type(e).__name__, e)
em = {ord('a'): b'AA', ord('b'): None, ord('c'): 67, ord('?'): 63}
for t in ['ac', 'abbc', 'xa']:
    for errors in ['strict', 'replace', 'ignore', 'backslashreplace']:
        try:
            print(t, errors, codecs.charmap_encode(t, errors, em))
        except UnicodeEncodeError as e:
            print(t, errors, type(e).__name__, e)
for bad in [{97: 300}, {97: 'x'}]:
    try:
        codecs.charmap_encode('a', 'strict', bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(sorted(codecs.charmap_build('aab\ufffe').items()))

s = 'a\'"\\\t\n\r\x00\x7f\xff\u20ac\U0001f600\ud800 ~'
print(codecs.unicode_escape_encode(s), codecs.raw_unicode_escape_encode(s))
print(s.encode('unicode_escape').decode('unicode_escape') == s, s.encode('raw_unicode_escape').decode('raw_unicode_escape') == s)
for b in [rb'\x4', rb'\x4g', rb'\u12', rb'\U0011ffff', rb'\N{', rb'\N{LATIN SMALL LETTER A}', rb'\N{bullet}',
          rb'\N{BOGUS}', rb'\N', rb'\N{x', b'\\', rb'\377', b'\xff\\n', rb'\u12345', rb'\101b', b'a\\\nb']:
    for final in (False, True):
        try:
            print(b, final, ascii(codecs.unicode_escape_decode(b, 'strict', final)))
        except UnicodeDecodeError as e:
            print(b, final, type(e).__name__, e)
    print(b, 'replace', ascii(codecs.unicode_escape_decode(b, 'replace')))
for b in [rb'\u12', rb'\u1234', rb'\\u1234', rb'\\\u1234', rb'\U00110000', rb'\x41', rb'\u004', b'\\']:
    for final in (False, True):
        try:
            print(b, final, ascii(codecs.raw_unicode_escape_decode(b, 'strict', final)))
        except UnicodeDecodeError as e:
            print(b, final, type(e).__name__, e)
    print(b, 'replace', ascii(codecs.raw_unicode_escape_decode(b, 'replace')))
for b in [rb'\x4', rb'\x4g', rb'\n\t\101\x41\"', b'\\', rb'\377', 'abc\\x41\u20ac']:
    for errors in ['strict', 'ignore', 'replace', 'bogus']:
        try:
            print(b, errors, codecs.escape_decode(b, errors))
        except ValueError as e:
            print(b, errors, type(e).__name__, e)
print(codecs.escape_encode(b'a\'"\\\t\n\r\x00\x7f\xff'))
print(codecs.readbuffer_encode('a\xe9'), codecs.readbuffer_encode(bytearray(b'x')))
try:
    codecs.escape_encode('x')
except TypeError as e:
    print(type(e).__name__, e)
