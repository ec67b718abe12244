# Hash objects: attributes, copy, digest after update, blake2's
# parameters, and the built-in modules' messages.
import _md5, _sha1, _sha256, _sha512, _sha3, _blake2

for c in [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512,
          _sha3.sha3_224, _sha3.sha3_512, _sha3.shake_128, _sha3.shake_256, _blake2.blake2b, _blake2.blake2s]:
    h = c(b"abc")
    t = type(h)
    print(t.__module__, t.__name__, h.name, h.digest_size, h.block_size)
    k = h.copy()
    k.update(b"more")
    if h.name.startswith("shake"):
        print(" ", h.hexdigest(10), k.hexdigest(10), h.digest(3))
    else:
        print(" ", h.hexdigest()[:20], k.hexdigest()[:20], h.digest()[:3], h.hexdigest() == h.digest().hex())

s = _sha3.sha3_256()
print(s._capacity_bits, s._rate_bits, s._suffix, _sha3.shake_256()._suffix)
print(_md5.md5(string=b"a").hexdigest(), _md5.md5(b"a", usedforsecurity=False).hexdigest())
print(_md5.md5(memoryview(b"ab")).hexdigest(), _md5.md5(bytearray(b"ab")).hexdigest())
print(_blake2.blake2s(b"abc", key=b"k", salt=b"s", person=b"p", fanout=2, depth=3, leaf_size=7, node_offset=9,
                      node_depth=1, inner_size=16, last_node=True, digest_size=20).hexdigest())
print(_blake2.blake2b(b"abc", key=b"k" * 64, salt=b"s" * 16, person=b"p" * 16, digest_size=33).hexdigest())
print(_blake2.blake2b(digest_size=20).name, _blake2.blake2b(digest_size=20).digest_size)
print(_blake2.BLAKE2B_SALT_SIZE, _blake2.BLAKE2S_MAX_KEY_SIZE, _md5.MD5Type is type(_md5.md5()))

tests = ["_md5.md5('abc')", "_md5.md5(1)", "_md5.md5(b'a', b'b')", "_md5.md5(data=b'a')",
         "_md5.md5().update('x')", "_md5.md5().update()", "_sha3.sha3_224('x')", "_sha3.sha3_224(data=b'x')",
         "_sha3.sha3_224(b'', b'')", "_sha3.shake_128(b'x').digest()", "_sha3.shake_128(b'x').digest(-1)",
         "_sha3.shake_128(b'x').digest(2**31)", "_sha3.shake_128(b'x').digest(1.0)",
         "_sha3.shake_128(b'x').digest(0)", "_sha3.sha3_224().digest(1)", "_md5.md5(b'x').hexdigest(1)",
         "_blake2.blake2b(digest_size=65)", "_blake2.blake2b(digest_size=0)", "_blake2.blake2b(key=b'x'*65)",
         "_blake2.blake2b(salt=b'x'*17)", "_blake2.blake2b(person=b'x'*17)", "_blake2.blake2s(salt=b'x'*9)",
         "_blake2.blake2b(fanout=256)", "_blake2.blake2b(depth=0)", "_blake2.blake2b(leaf_size=2**32)",
         "_blake2.blake2b(leaf_size=-1)", "_blake2.blake2b(node_offset=-1)", "_blake2.blake2b(node_depth=256)",
         "_blake2.blake2b(inner_size=65)", "_blake2.blake2b('x')", "_blake2.blake2s(node_offset=2**48)",
         "_blake2.blake2b(b'', b'')", "_blake2.blake2b(key='x')", "_blake2.blake2b(fanout=1.5)",
         "_blake2.blake2b(x=1)", "_sha1.sha1(string=None)", "_md5.MD5Type()"]
for t in tests:
    try:
        print(t, repr(eval(t)))
    except Exception as e:
        print(t, type(e).__name__, e)
for base in [_sha3.sha3_224, _blake2.blake2b]:
    try:
        class X(base):
            pass
    except TypeError as e:
        print(e)
