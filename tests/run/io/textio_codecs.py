# Text files in encodings Krait decodes through the codecs registry
# (utf-16 with its BOM, utf-8-sig, cp1252), incrementally.
import io, os

d = "io_codecs_%d" % os.getpid()
os.mkdir(d)
try:
    p = os.path.join(d, "u.txt")
    for enc in ["utf-16", "utf-16-le", "utf-32", "utf-8-sig", "cp1252"]:
        with open(p, "w", encoding=enc) as f:
            f.write("h\xe9llo\nw\u20acrld\r\nend")
        with open(p, "rb") as f:
            raw = f.read()
        with open(p, encoding=enc) as f:
            lines = f.readlines()
        with open(p, encoding=enc, newline="") as f:
            pieces = []
            while True:
                c = f.read(3)
                if not c:
                    break
                pieces.append(c)
        print(enc, raw[:8], len(raw), lines, pieces[:3], len(pieces), f.encoding)
    t = io.TextIOWrapper(io.BytesIO("caf\xe9\n".encode("cp1252")), encoding="cp1252")
    print(repr(t.read()))
    t = io.TextIOWrapper(io.BytesIO(b"\xff\xfe\x00"), encoding="utf-16", errors="replace")
    print(repr(t.read()))
    try:
        io.TextIOWrapper(io.BytesIO(b"\xff\xfea\x00\x00"), encoding="utf-16").read()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)
finally:
    for n in os.listdir(d):
        os.remove(os.path.join(d, n))
    os.rmdir(d)
