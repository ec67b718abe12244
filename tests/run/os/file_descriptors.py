# os.open/read/write/lseek/close and the other descriptor calls.
import os

base = "_krait_os_file_descriptors_%d" % os.getpid()
os.mkdir(base)
try:
    path = os.path.join(base, "f.bin")
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    print(type(fd).__name__, fd > 2, os.get_inheritable(fd), os.get_blocking(fd), os.isatty(fd))
    print(os.write(fd, b"0123456789"), os.write(fd, bytearray(b"abc")), os.write(fd, memoryview(b"XYZ")))
    print(os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, 0, os.SEEK_SET), os.read(fd, 4), os.read(fd, 100), os.read(fd, 5))
    print(os.lseek(fd, -3, os.SEEK_END), os.read(fd, 3), os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)
    os.ftruncate(fd, 5)
    print(os.fstat(fd).st_size, os.pwrite(fd, b"ab", 1), os.pread(fd, 10, 0), os.lseek(fd, 0, os.SEEK_CUR))
    fd2 = os.dup(fd)
    print(fd2 != fd, os.get_inheritable(fd2), os.lseek(fd2, 1, os.SEEK_SET), os.read(fd, 2))
    os.set_inheritable(fd2, True)
    print(os.get_inheritable(fd2))
    os.close(fd2)
    os.close(fd)
    for call in [lambda: os.close(fd), lambda: os.read(fd, 1), lambda: os.write(fd, b"x"), lambda: os.lseek(fd, 0, 0), lambda: os.fstat(fd)]:
        try:
            call()
        except OSError as e:
            print(type(e).__name__, e.errno, e, e.filename)
    try:
        os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    except FileExistsError as e:
        print("FileExistsError", e.errno, str(e).replace(base, "BASE"))
    try:
        os.open(os.path.join(base, "missing"), os.O_RDONLY)
    except FileNotFoundError as e:
        print("FileNotFoundError", str(e).replace(base, "BASE"))
    try:
        os.open(base, os.O_WRONLY)
    except IsADirectoryError as e:
        print("IsADirectoryError", str(e).replace(base, "BASE"))
    os.truncate(path, 2)
    fd = os.open(path, os.O_RDONLY)
    print(os.read(fd, 10), os.pread(fd, 1, 1))
    os.close(fd)
    # A pipe.
    r, w = os.pipe()
    print(os.write(w, b"through the pipe"), os.read(r, 7), os.read(r, 100))
    os.close(w)
    print(os.read(r, 10))
    os.close(r)
    # Argument errors.
    for call in [
        lambda: os.read(0),
        lambda: os.read(0, 1, 2),
        lambda: os.read(0, -1),
        lambda: os.write(1, "text"),
        lambda: os.lseek(1),
        lambda: os.open("x"),
        lambda: os.open("x", "r"),
        lambda: os.open("x", 0, 0o777, 3),
        lambda: os.close(),
        lambda: os.close("3"),
        lambda: os.close(2**40),
        lambda: os.dup(),
        lambda: os.isatty("1"),
        lambda: os.pipe(1),
        lambda: os.closerange(1),
        lambda: os.read(0, 2**70),
    ]:
        try:
            call()
        except (TypeError, ValueError, OverflowError, OSError) as e:
            print(type(e).__name__, e)
finally:
    for name in os.listdir(base):
        os.unlink(os.path.join(base, name))
    os.rmdir(base)
