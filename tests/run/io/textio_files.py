# TextIOWrapper over files: newline translation on read and write,
# encodings and errors, tell/seek, readline limits.
import os

d = "io_text_%d" % os.getpid()
os.mkdir(d)
try:
    p = os.path.join(d, "t.txt")
    with open(p, "wb") as f:
        f.write(b"one\ntwo\r\nthree\rfour")
    for nl in [None, "", "\n", "\r", "\r\n"]:
        with open(p, newline=nl) as f:
            print(repr(nl), f.readlines(), f.newlines)
    for nl in [None, "", "\n", "\r", "\r\n"]:
        with open(p, "w", newline=nl) as f:
            f.write("a\nb\r\nc\r")
        with open(p, "rb") as f:
            print(repr(nl), f.read())
    with open(p, "w", encoding="latin-1") as f:
        print(f.encoding, f.write("caf\xe9 \xff"))
    with open(p, "rb") as f:
        print(f.read())
    with open(p, encoding="latin-1") as f:
        print(repr(f.read()))
    with open(p, encoding="utf-8", errors="replace") as f:
        print(repr(f.read()), f.errors)
    with open(p, encoding="utf-8", errors="surrogateescape") as f:
        print(ascii(f.read()))
    try:
        with open(p, encoding="utf-8") as f:
            f.read()
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
    try:
        with open(p, "w", encoding="ascii") as f:
            f.write("\xe9")
    except UnicodeEncodeError as e:
        print(type(e).__name__, e)
    with open(p, "w", encoding="ascii", errors="xmlcharrefreplace") as f:
        f.write("\xe9\u20ac")
    with open(p, "rb") as f:
        print(f.read())
    # multi-byte characters split across reads
    text = "\u00e9\u20ac\U0001f600x" * 3000
    with open(p, "w", encoding="utf-8") as f:
        f.write(text)
    with open(p, encoding="utf-8") as f:
        parts = []
        while True:
            chunk = f.read(7)
            if not chunk:
                break
            parts.append(chunk)
        print(len(parts), "".join(parts) == text)
    with open(p, "w") as f:
        f.write("first line\nsecond line\nthird\n")
    with open(p) as f:
        print(repr(f.readline(5)), repr(f.readline()), f.tell())
        pos = f.tell()
        print(repr(f.readline()), f.tell())
        f.seek(pos)
        print(repr(f.readline()))
        f.seek(0, 2)
        print(f.tell(), repr(f.read()))
        f.seek(0)
        print(repr(f.read(3)), f.tell())
        for bad in [lambda: f.seek(1, 1), lambda: f.seek(1, 2), lambda: f.seek(0, 3), lambda: f.seek(-1), lambda: f.write("x")]:
            try:
                bad()
            except Exception as e:
                print(type(e).__name__, e)
    with open(p) as f:
        for line in f:
            try:
                f.tell()
            except OSError as e:
                print("OSError", e)
                break
    with open(p, "r+") as f:
        f.read(5)
        f.seek(0, 2)
        f.write("appended\n")
        f.seek(0)
        print(f.read().splitlines())
        print(f.truncate(5), f.tell())
    with open(p) as f:
        print(repr(f.read()))
    with open(p, "w") as f:
        pass
    with open(p) as f:
        print(repr(f.read()), repr(f.readline()), f.readlines())
    f = open(p)
    f.close()
    for op in [f.read, f.readline, lambda: f.write("x"), f.tell, lambda: f.seek(0), f.fileno, f.flush]:
        try:
            op()
        except ValueError as e:
            print("ValueError", e)
    print(f.closed, repr(f).replace(d, "D"))
finally:
    for n in os.listdir(d):
        os.remove(os.path.join(d, n))
    os.rmdir(d)
