# Property: the decoders over many generated inputs (valid, damaged and
# garbage), strict and not, give CPython's bytes or CPython's error.
import binascii

x = 2024
def rand(n):
    global x
    x = (x * 1103515245 + 12345) % 2**31
    return (x >> 8) % n

def attempt(f, *args, **kw):
    try:
        return f(*args, **kw)
    except (binascii.Error, ValueError, TypeError) as e:
        return f"{type(e).__name__}: {e}"

b64chars = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \n!-_"
for i in range(300):
    n = rand(14)
    s = bytes(b64chars[rand(len(b64chars))] for _ in range(n))
    print(s, attempt(binascii.a2b_base64, s), attempt(binascii.a2b_base64, s, strict_mode=True))

for i in range(200):
    data = bytes(rand(256) for _ in range(rand(40)))
    enc = binascii.b2a_base64(data)
    cut = enc[:rand(len(enc) + 1)]
    print(enc, attempt(binascii.a2b_base64, cut), binascii.a2b_base64(enc) == data)

uuchars = b" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`\n\rab~"
for i in range(200):
    s = bytes(uuchars[rand(len(uuchars))] for _ in range(rand(12)))
    print(s, attempt(binascii.a2b_uu, s))

hexchars = b"0123456789abcdefABCDEFxg "
for i in range(100):
    s = bytes(hexchars[rand(len(hexchars))] for _ in range(rand(8)))
    print(s, attempt(binascii.unhexlify, s), attempt(binascii.a2b_hex, s.decode()))

qpchars = b"ab=_ \t\r\n3DFf0x."
for i in range(200):
    s = bytes(qpchars[rand(len(qpchars))] for _ in range(rand(16)))
    print(s, binascii.a2b_qp(s), binascii.a2b_qp(s, header=True))
