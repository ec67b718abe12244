# The incremental UTF-8 decoders keep a surrogate's first two bytes for
# the next call (surrogatepass), as CPython does.
import codecs
for enc in ("utf-8", "utf-8-sig"):
    for ch in ("\ud901", "\udc02", "\U0001f600", "\u20ac"):
        data = ch.encode("utf-8", "surrogatepass")
        for i in range(1, len(data)):
            dec = codecs.getincrementaldecoder(enc)("surrogatepass")
            first = dec.decode(data[:i])
            print(enc, ascii(ch), i, ascii(first), ascii(dec.decode(data[i:], True)))
dec = codecs.getincrementaldecoder("utf-8")("strict")
print(ascii(dec.decode(b"\xed\xa4")))
try:
    dec.decode(b"", True)
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    b"\xed\xa4".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(ascii(b"\xed\xa4\x81".decode("utf-8", "surrogatepass")))
