# Property: every guaranteed algorithm over many generated inputs, fed
# whole and in pieces, gives CPython's digests.
import hashlib
import _md5, _sha1, _sha256, _sha512, _sha3, _blake2

ctors = [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512,
         _sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512, _blake2.blake2b, _blake2.blake2s]
shakes = [_sha3.shake_128, _sha3.shake_256]

x = 12345
def data(n):
    global x
    out = bytearray()
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2**31
        out.append(x >> 16 & 0xFF)
    return bytes(out)

lengths = list(range(0, 70)) + [111, 112, 127, 128, 129, 135, 136, 137, 143, 144, 145, 167, 168, 169, 255, 256, 1000, 4097]
for n in lengths:
    d = data(n)
    whole = [c(d).hexdigest() for c in ctors] + [s(d).hexdigest(n % 50) for s in shakes]
    pieces = []
    for c in ctors + shakes:
        h = c()
        for i in range(0, n, 7):
            h.update(d[i:i + 7])
        pieces.append(h.hexdigest(n % 50) if c in shakes else h.hexdigest())
    print(n, whole == pieces, " ".join(w[:16] for w in whole))

for name in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(name, b"The quick brown fox jumps over the lazy dog")
    print(name, h.hexdigest(32) if name.startswith("shake") else h.hexdigest())
