# Round trips over generated data through every level, window size,
# memory level and strategy, streaming in random pieces with every flush
# mode; then gzip and zlib-compressed data through the gzip module.
# Compressed bytes are implementation-specific (CPython's zlib and
# zlib-rs choose different matches), so only what decompresses is printed.
import gzip
import io
import random
import zlib

rng = random.Random(7)
words = ["lorem", "ipsum", "dolor", "sit", "amet", "\u00e9t\u00e9", "\U0001f40d", "\n"]
samples = [
    b"",
    b"a",
    " ".join(rng.choice(words) for _ in range(2000)).encode(),
    bytes(rng.getrandbits(8) for _ in range(5000)),
    b"\x00" * 100000,
]
for data in samples:
    results = []
    for level in range(-1, 10):
        results.append(zlib.decompress(zlib.compress(data, level)) == data)
    for wbits in (9, 12, 15, -9, -15, 25, 31):
        c = zlib.compressobj(6, zlib.DEFLATED, wbits)
        stream = c.compress(data) + c.flush()
        results.append(zlib.decompress(stream, wbits) == data)
        if wbits > 0:
            results.append(zlib.decompress(stream, 47) == data)
    for mem in range(1, 10):
        for strategy in range(5):
            c = zlib.compressobj(5, zlib.DEFLATED, 15, mem, strategy)
            results.append(zlib.decompress(c.compress(data) + c.flush()) == data)
    print(len(data), len(results), all(results), zlib.crc32(data), zlib.adler32(data))
    # Streaming both ways in random pieces, with flushes in between.
    c = zlib.compressobj(zdict=b"lorem ipsum dolor")
    d = zlib.decompressobj(zdict=b"lorem ipsum dolor")
    pos, out = 0, []
    while pos < len(data):
        n = rng.randrange(1, 3000)
        piece = c.compress(data[pos:pos + n]) + c.flush(rng.choice([0, 1, 2, 3, 5]))
        out.append(d.decompress(piece))
        pos += n
    out.append(d.decompress(c.flush()))
    out.append(d.flush())
    print("  streamed:", b"".join(out) == data, d.eof, d.unused_data, d.unconsumed_tail)
    g = gzip.compress(data, mtime=0)
    print("  gzip:", gzip.decompress(g) == data, g[:4], len(gzip.decompress(g + gzip.compress(b"more", mtime=0))) - len(data))
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as f:
        f.write(data[: len(data) // 2])
        f.write(data[len(data) // 2:])
    buf.seek(0)
    with gzip.GzipFile(fileobj=buf) as f:
        back = f.read(100) + f.read()
    print("  GzipFile:", back == data, buf.getvalue()[:3])
try:
    gzip.decompress(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage")
except zlib.error as e:
    print("bad gzip:", e)
try:
    gzip.decompress(gzip.compress(b"abc", mtime=0)[:-4])
except EOFError as e:
    print("EOFError", e)
print(zlib.ZLIB_RUNTIME_VERSION.split(".")[0], zlib.MAX_WBITS, zlib.Z_BEST_COMPRESSION)
