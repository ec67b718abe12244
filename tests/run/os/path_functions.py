# posixpath and genericpath over the posix module, in a folder of our own.
import os
import os.path
import posixpath

print(os.path is posixpath, posixpath.__name__)
base = "_krait_os_path_functions_%d" % os.getpid()
here = os.getcwd()
os.mkdir(base)
try:
    f = os.path.join(base, "file.txt")
    fd = os.open(f, os.O_WRONLY | os.O_CREAT)
    os.write(fd, b"0123456789")
    os.close(fd)
    os.mkdir(os.path.join(base, "d"))
    os.symlink("file.txt", os.path.join(base, "ln"))
    os.symlink("missing", os.path.join(base, "dangling"))
    for p in [f, os.path.join(base, "d"), os.path.join(base, "ln"), os.path.join(base, "dangling"), os.path.join(base, "none")]:
        print(p.replace(base, "BASE"), os.path.exists(p), os.path.lexists(p), os.path.isfile(p), os.path.isdir(p), os.path.islink(p))
    print(os.path.getsize(f), type(os.path.getmtime(f)).__name__, os.path.getmtime(f) == os.stat(f).st_mtime)
    try:
        os.path.getsize(os.path.join(base, "none"))
    except FileNotFoundError as e:
        print("FileNotFoundError", str(e).replace(base, "BASE"))
    print(os.path.samefile(f, os.path.join(base, "ln")), os.path.samefile(f, os.path.join(base, "d")))
    print(os.path.realpath(os.path.join(base, "ln")) == os.path.join(here, base, "file.txt"))
    print(os.path.abspath(base) == os.path.join(here, base), os.path.isabs(os.path.abspath(base)))
    print(os.path.relpath(os.path.join(base, "d"), base), os.path.relpath(base, os.path.join(base, "d")))
    print(os.path.ismount("/"), os.path.ismount(base))
    print(os.path.exists(b"/"), os.path.isdir(os.fsencode(base)), os.path.exists("bad\0path"))
finally:
    for name in os.listdir(base):
        p = os.path.join(base, name)
        if os.path.isdir(p) and not os.path.islink(p):
            os.rmdir(p)
        else:
            os.unlink(p)
    os.rmdir(base)
# Pure path arithmetic.
print(os.path.join("a", "b", "c"), os.path.join("/a", "/b"), os.path.join(b"a", b"b"))
print(os.path.split("/a/b/c.txt"), os.path.splitext("x/y.tar.gz"), os.path.splitext(".bashrc"))
print(os.path.basename("/a/b/"), os.path.dirname("/a/b/c"), os.path.normpath("/a//b/../c/./d"), os.path.normpath(""))
print(os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.commonpath(["/usr/lib", "/usr/local"]))
print(os.path.normcase("AbC"), os.path.splitdrive("/x/y"))
try:
    os.path.join("a", b"b")
except TypeError as e:
    print("TypeError", e)
