# OSError's subclasses and fields, os.strerror, the errno module, and the
# argument errors of the os functions.
import errno
import os

for code in [errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EISDIR,
             errno.EAGAIN, errno.EPIPE, errno.ECHILD, errno.ESRCH, errno.EINTR, errno.ETIMEDOUT,
             errno.ECONNREFUSED, errno.ECONNRESET, errno.ECONNABORTED, errno.EINVAL, errno.ENOTEMPTY]:
    e = OSError(code, os.strerror(code))
    print(errno.errorcode[code], type(e).__name__, e, e.args)
e = OSError(2, "gone", "a.txt", None, "b.txt")
print(e, e.filename, e.filename2, e.args)
e = OSError(2, "gone", None)
print(e, e.filename)
e = OSError("just a message")
print(e, e.errno, e.strerror, e.filename)
e.errno = 5
print(e)
e.strerror = "set"
print(e, e.errno)
e.filename = "f"
print(e)
e = FileNotFoundError(99, "custom", b"x")
print(type(e).__name__, e)
print(os.error is OSError, os.strerror(0), os.strerror(12345))
print(errno.ENOENT, errno.errorcode[errno.EWOULDBLOCK], errno.errorcode[errno.EDEADLK], errno.EOPNOTSUPP == errno.ENOTSUP)
print(sorted(n for n in dir(errno) if n.startswith("E"))[:5], len(errno.errorcode) > 100)

class P:
    def __fspath__(self):
        return 5

class Q:
    def __fspath__(self):
        return b"nope-bytes"

for call in [
    lambda: os.stat(),
    lambda: os.stat(1, 2),
    lambda: os.stat(".", foo=1),
    lambda: os.stat(".", path="."),
    lambda: os.stat(None),
    lambda: os.stat(1.5),
    lambda: os.stat(P()),
    lambda: os.stat("a\0b"),
    lambda: os.stat(b"a\0b"),
    lambda: os.stat("\ud800"),
    lambda: os.stat(Q()),
    lambda: os.stat(2**70),
    lambda: os.stat(".", dir_fd="x"),
    lambda: os.listdir(3.5),
    lambda: os.listdir(1, 2),
    lambda: os.mkdir(),
    lambda: os.mkdir("x", 1, 2),
    lambda: os.rename("x"),
    lambda: os.rename("x", "y", "z"),
    lambda: os.access("."),
    lambda: os.access(".", "r"),
    lambda: os.chmod("."),
    lambda: os.symlink("a"),
    lambda: os.readlink(),
    lambda: os.readlink("."),
    lambda: os.utime(".", (1,)),
    lambda: os.utime(".", (1, 2), ns=(1, 2)),
    lambda: os.utime(".", ns=5),
    lambda: os.fspath(),
    lambda: os.fspath(1),
    lambda: os.fspath(P()),
    lambda: os.fspath(bytearray()),
    lambda: os.getcwd(1),
    lambda: os.getcwd(x=1),
    lambda: os.umask(),
    lambda: os.umask("x"),
    lambda: os.strerror("x"),
    lambda: os.kill(1),
    lambda: os._exit(),
    lambda: os.urandom(-1),
    lambda: os.putenv("a"),
    lambda: os.putenv("a=b", "x"),
    lambda: os.putenv("a", "x\0"),
    lambda: os.get_terminal_size(1, 2),
    lambda: os.fchdir("x"),
    lambda: os.chdir(5.0),
    lambda: os.scandir(1, 2),
    lambda: os.times(1),
    lambda: os.uname(1),
    lambda: os.device_encoding(),
    lambda: os.waitstatus_to_exitcode(0x7F),
]:
    try:
        call()
        print("no error")
    except (TypeError, ValueError, OverflowError, OSError, UnicodeEncodeError) as e:
        print(type(e).__name__, e)
print(os.fspath("s"), os.fspath(b"b"), os.fspath(Q()), os.waitstatus_to_exitcode(3 << 8), os.waitstatus_to_exitcode(9))
