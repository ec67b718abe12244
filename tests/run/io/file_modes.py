# open(): modes, buffering, the objects it stacks, and its errors.
import io, os

d = "io_modes_%d" % os.getpid()
os.mkdir(d)
try:
    p = os.path.join(d, "f.bin")
    for mode in ["w", "wb", "w+", "wb+", "r", "rb", "r+", "rb+", "a", "ab", "a+", "x"]:
        if mode == "x":
            os.remove(p)
        f = open(p, mode)
        print(mode, type(f).__name__, f.mode, f.readable(), f.writable(), f.seekable(), f.closed)
        if hasattr(f, "buffer"):
            print("  ", type(f.buffer).__name__, type(f.buffer.raw).__name__, f.buffer.raw.mode, f.buffer.raw.closefd)
        elif hasattr(f, "raw"):
            print("  ", type(f.raw).__name__, f.raw.mode)
        f.close()
        print("  closed", f.closed)
    f = open(p, "rb", buffering=0)
    print(type(f).__name__, f.mode, f.name == p)
    f.close()
    for args, kwargs in [((p, "rw"), {}), ((p, "rr"), {}), ((p, "b"), {}), ((p, "tb"), {}), ((p, "q"), {}),
                         ((p, "rb"), {"encoding": "utf-8"}), ((p, "rb"), {"errors": "strict"}),
                         ((p, "rb"), {"newline": ""}), ((p, "r"), {"buffering": 0}), ((p, "r"), {"newline": "x"}),
                         ((p, 3), {}), (([], "r"), {}), ((p, "r"), {"encoding": 3}), ((p, "x"), {}),
                         ((os.path.join(d, "missing"),), {}), ((d, "r"), {}), ((p, "r"), {"encoding": "nope"}),
                         ((p, "r"), {"buffering": "1"}), ((p, "w"), {"closefd": False})]:
        try:
            open(*args, **kwargs).close()
            print("ok", args[1:], kwargs)
        except Exception as e:
            print(type(e).__name__, str(e).replace(d, "D"))
    fd = os.open(p, os.O_RDONLY)
    f = open(fd, "rb", closefd=False)
    print(f.name == fd, f.read(), f.raw.closefd)
    f.close()
    print(os.read(fd, 5))
    os.close(fd)
    opened = []
    def opener(path, flags):
        opened.append(path == p)
        return os.open(path, flags)
    with open(p, "w", opener=opener) as f:
        f.write("via opener")
    with open(p) as f:
        print(f.read(), opened)
    with open(p, "rb") as f:
        f.close()
        try:
            f.read()
        except ValueError as e:
            print("ValueError", e)
    print(io.open is open, io.DEFAULT_BUFFER_SIZE, io.text_encoding("x"))
    try:
        io.open_code(b"x")
    except TypeError as e:
        print("TypeError", e)
    with io.open_code(p) as f:
        print(type(f).__name__, f.read())
finally:
    for n in os.listdir(d):
        os.remove(os.path.join(d, n))
    os.rmdir(d)
