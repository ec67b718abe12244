# binascii's messages, its exception classes, and the base64 module on top.
import base64
import binascii as b

tests = ["b.a2b_uu(b'')", "b.a2b_uu(b'!')", "b.a2b_uu('x\u00e9')", "b.a2b_uu(1)", "b.b2a_uu('x')",
         "b.a2b_base64(b'=abc', strict_mode=True)", "b.a2b_base64(b'ab==c', strict_mode=True)",
         "b.a2b_base64(b'ab=c', strict_mode=True)", "b.a2b_base64(b'abcd=', strict_mode=True)",
         "b.a2b_base64(b'a')", "b.a2b_base64(b'abcde')", "b.a2b_base64(b'ab')",
         "b.a2b_base64(b'ab!==', strict_mode=True)", "b.a2b_base64(b'ab=!=')", "b.crc32(b'abc', 1.5)",
         "b.crc_hqx(b'abc')", "b.crc32()", "b.unhexlify('abc')", "b.unhexlify('zz')", "b.hexlify('ab')",
         "b.b2a_hex(b'ab', sep='::')", "b.b2a_uu(b'x' * 46)", "b.a2b_base64(b'YWJj\\n', True)",
         "b.a2b_base64(data=b'')", "b.b2a_base64('abc')", "b.a2b_hex(memoryview(b'6162'))",
         "b.a2b_base64(bytearray(b'YWJj'))", "b.b2a_uu(b'', backtick=True)", "b.b2a_uu(b'\\x00', backtick=True)",
         "b.b2a_base64(b'', newline=False)", "b.a2b_qp('=41=4')", "b.crc32(b'', 5)"]
for t in tests:
    try:
        print(t, repr(eval(t)))
    except Exception as e:
        print(t, type(e).__name__, e)
print(b.Error.__mro__, b.Incomplete.__mro__, b.Error.__module__)
print(issubclass(b.Error, ValueError), isinstance(b.Error("x"), ValueError))

data = bytes(range(256)) * 2
for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
                 (base64.b32encode, base64.b32decode), (base64.b32hexencode, base64.b32hexdecode),
                 (base64.b16encode, base64.b16decode), (base64.a85encode, base64.a85decode),
                 (base64.b85encode, base64.b85decode)]:
    e = enc(data[:40])
    print(enc.__name__, e, dec(e) == data[:40], dec(enc(data)) == data)
print(base64.b64encode(b"\xfb\xff", altchars=b"-_"), base64.standard_b64decode("YWJj"))
print(base64.a85encode(b"hello world", wrapcol=8, adobe=True), base64.a85encode(b"\0\0\0\0    ", foldspaces=True))
print(base64.encodebytes(b"x" * 100), base64.decodebytes(b"eHh4\n"))
for bad in ["base64.b64decode('abc')", "base64.b64decode('ab$c', validate=True)", "base64.b32decode('abc')",
            "base64.b16decode('0g')", "base64.a85decode('~>x')", "base64.b85decode('|')"]:
    try:
        print(eval(bad))
    except Exception as e:
        print(bad, type(e).__name__, e)
