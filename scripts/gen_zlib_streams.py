#!/usr/bin/env python3
"""Write tests/run/zlib/cpython_streams.txt: compressed streams made by
CPython's zlib, for tests/run/zlib/decompress_cpython_streams.py to
decompress under Krait (whose own compressor makes different, equally
valid, bytes). Run with CPython 3.11:

    python3 scripts/gen_zlib_streams.py

Each line: name, wbits, base64 zdict ('-' for none), base64 stream.
"""
import base64
import os
import random
import zlib

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "run", "zlib", "cpython_streams.txt")


def text(rng, n):
    words = ["alpha", "beta", "gamma", "delta", "zlib", "stream", "window", "Krait", "ü", "→", "\n"]
    return " ".join(rng.choice(words) for _ in range(n)).encode()


def main():
    rng = random.Random(2026)
    samples = {
        "empty": b"",
        "text": text(rng, 600),
        "binary": bytes(rng.getrandbits(8) for _ in range(600)),
        "runs": b"".join(bytes([rng.randrange(4)]) * rng.randrange(1, 300) for _ in range(30)),
        "long_match": b"0123456789abcdef" * 300,
    }
    lines = []
    for name, data in samples.items():
        for level in (0, 1, 6, 9):
            lines.append((f"{name}-level{level}", 15, None, zlib.compress(data, level)))
        for wbits in (-15, -9, 9, 31, 25):
            c = zlib.compressobj(6, zlib.DEFLATED, wbits)
            lines.append((f"{name}-wbits{wbits}", wbits, None, c.compress(data) + c.flush()))
        for strategy in (zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
            c = zlib.compressobj(6, zlib.DEFLATED, 15, 8, strategy)
            lines.append((f"{name}-strategy{strategy}", 15, None, c.compress(data) + c.flush()))
        c = zlib.compressobj(9, zlib.DEFLATED, 15, 1)
        lines.append((f"{name}-memlevel1", 15, None, c.compress(data) + c.flush()))
        zdict = text(rng, 50)
        c = zlib.compressobj(zdict=zdict)
        lines.append((f"{name}-zdict", 15, zdict, c.compress(data) + c.flush()))
        c = zlib.compressobj()
        parts = [c.compress(data[:200]), c.flush(zlib.Z_SYNC_FLUSH), c.compress(data[200:400]),
                 c.flush(zlib.Z_FULL_FLUSH), c.compress(data[400:]), c.flush()]
        lines.append((f"{name}-flushes", 15, None, b"".join(parts)))
    with open(OUT, "w") as f:
        for name, wbits, zdict, stream in lines:
            z = base64.b64encode(zdict).decode() if zdict is not None else "-"
            f.write(f"{name} {wbits} {z} {base64.b64encode(stream).decode()}\n")
    print(f"wrote {len(lines)} streams to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
