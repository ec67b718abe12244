# os.stat/lstat/fstat and os.stat_result, in a folder of our own.
import os
import stat

base = "_krait_os_stat_basics_%d" % os.getpid()
os.mkdir(base)
try:
    path = os.path.join(base, "data.txt")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
    os.write(fd, b"hello world\n")
    os.close(fd)
    st = os.stat(path)
    print(type(st).__name__, type(st).__module__, len(st), st.n_fields, st.n_sequence_fields, st.n_unnamed_fields)
    print(stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), st.st_size, st[6], st.st_nlink)
    print(oct(stat.S_IMODE(st.st_mode)) in ("0o640", "0o600", "0o644", "0o604"))
    print(type(st.st_atime).__name__, type(st[7]).__name__, type(st.st_mtime_ns).__name__)
    print(st[8] == int(st.st_mtime), st.st_mtime_ns // 10**9 == st[8], abs(st.st_mtime - st.st_mtime_ns / 1e9) < 1e-6)
    print(st.st_ino == st[1], st.st_dev == st[2], st.st_uid == os.getuid(), st.st_gid == st[5])
    print(st.st_blksize > 0, st.st_blocks >= 0, type(st.st_rdev).__name__)
    print(st == os.stat(path), tuple(st) == tuple(os.lstat(path)))
    d = os.stat(base)
    print(stat.S_ISDIR(d.st_mode), stat.filemode(d.st_mode)[0])
    # A symbolic link: stat follows it, lstat does not.
    link = os.path.join(base, "link")
    os.symlink("data.txt", link)
    print(stat.S_ISLNK(os.lstat(link).st_mode), stat.S_ISREG(os.stat(link).st_mode))
    print(stat.S_ISLNK(os.stat(link, follow_symlinks=False).st_mode), os.readlink(link), os.readlink(os.fsencode(link)))
    fd = os.open(path, os.O_RDONLY)
    print(os.fstat(fd).st_size, os.stat(fd).st_size)
    os.close(fd)
    # Bytes and path-like paths.
    class P:
        def __fspath__(self):
            return path
    print(os.stat(os.fsencode(path)).st_size, os.stat(P()).st_size)
    # Errors name the file.
    for bad in [os.path.join(base, "missing"), os.path.join(path, "x"), os.fsencode(os.path.join(base, "nope"))]:
        try:
            os.stat(bad)
        except OSError as e:
            print(type(e).__name__, e.errno, e.strerror, e.filename == bad, str(e).replace(base, "BASE"))
    try:
        os.lstat(os.path.join(base, "missing"))
    except FileNotFoundError as e:
        print("lstat", e.args, e.filename2)
    try:
        os.fstat(12345)
    except OSError as e:
        print(type(e).__name__, e, e.filename)
    # stat_result as a struct sequence.
    r = os.stat_result(tuple(range(10)))
    print(r)
    print(r.st_atime, r.st_mtime_ns, r.st_blksize)
    r = os.stat_result(tuple(range(10)), {"st_atime_ns": 5, "st_rdev": 9})
    print(r.st_atime_ns, r.st_rdev, r[-1])
    r = os.stat_result(range(13))
    print(r.st_atime, r.st_mtime, r.st_ctime, len(r))
    for args in [(tuple(range(9)),), (tuple(range(20)),), (5,)]:
        try:
            os.stat_result(*args)
        except TypeError as e:
            print("TypeError:", e)
    try:
        st.st_size = 4
    except AttributeError as e:
        print("AttributeError:", e)
    print(repr(os.stat_result.st_size), os.stat_result.__match_args__[-1])
finally:
    for name in os.listdir(base):
        os.unlink(os.path.join(base, name))
    os.rmdir(base)
print(os.path.exists(base))
