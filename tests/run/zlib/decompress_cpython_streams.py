# Streams CPython's zlib made (scripts/gen_zlib_streams.py), decompressed
# one-shot, through decompressobj in small pieces, with max_length, and
# with wbits 47 (either header) where that applies.
import base64
import hashlib
import os
import zlib

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "cpython_streams.txt")) as f:
    rows = [line.split() for line in f]

for name, wbits, zdict, stream in rows:
    wbits = int(wbits)
    zdict = None if zdict == "-" else base64.b64decode(zdict)
    stream = base64.b64decode(stream)
    kwargs = {"zdict": zdict} if zdict is not None else {}
    if zdict is None:
        whole = zlib.decompress(stream, wbits)
    else:
        d = zlib.decompressobj(wbits, **kwargs)
        whole = d.decompress(stream) + d.flush()
    digest = hashlib.sha256(whole).hexdigest()[:16]
    # Pieces of 7 bytes, at most 100 bytes out per call.
    d = zlib.decompressobj(wbits, **kwargs)
    out = []
    for i in range(0, len(stream), 7):
        out.append(d.decompress(d.unconsumed_tail + stream[i:i + 7], 100))
    while d.unconsumed_tail:
        out.append(d.decompress(d.unconsumed_tail, 100))
    out.append(d.flush())
    pieces = b"".join(out)
    either = ""
    if wbits in (15, 31) and zdict is None:
        either = zlib.decompress(stream, 47) == whole
    print(name, len(stream) > 0, len(whole), digest, pieces == whole, d.eof, d.unused_data, either)
    trailing = zlib.decompressobj(wbits, **kwargs)
    trailing.decompress(stream + b"TAIL")
    print("  trailing:", trailing.unused_data, trailing.eof)
    if len(stream) > 8 and zdict is None:
        try:
            zlib.decompress(stream[:-5], wbits)
        except zlib.error as e:
            print("  truncated:", e)
