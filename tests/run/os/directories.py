# mkdir/rmdir/listdir/scandir/rename/replace/unlink/chdir and os.walk.
import os
import stat

base = "_krait_os_directories_%d" % os.getpid()
here = os.getcwd()
os.mkdir(base)


def touch(path, data=b""):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.write(fd, data)
    os.close(fd)


def show(e):
    print(type(e).__name__, e.errno, str(e).replace(base, "BASE"))


try:
    os.mkdir(os.path.join(base, "sub"))
    os.makedirs(os.path.join(base, "a", "b", "c"))
    os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
    touch(os.path.join(base, "file.txt"), b"12345")
    touch(os.path.join(base, "sub", "inner"))
    os.symlink("file.txt", os.path.join(base, "link"))
    os.symlink("nowhere", os.path.join(base, "dangling"))
    os.symlink("sub", os.path.join(base, "dirlink"))
    print(sorted(os.listdir(base)))
    print(sorted(os.listdir(os.fsencode(base))))
    for bad in ["missing", "file.txt"]:
        try:
            os.listdir(os.path.join(base, bad))
        except OSError as e:
            show(e)
    try:
        os.mkdir(os.path.join(base, "sub"))
    except FileExistsError as e:
        show(e)
    try:
        os.makedirs(os.path.join(base, "a", "b"))
    except FileExistsError as e:
        show(e)
    try:
        os.rmdir(os.path.join(base, "sub"))
    except OSError as e:
        show(e)
    try:
        os.rmdir(os.path.join(base, "file.txt"))
    except NotADirectoryError as e:
        show(e)
    try:
        os.unlink(os.path.join(base, "sub"))
    except IsADirectoryError as e:
        show(e)
    # scandir and DirEntry.
    with os.scandir(base) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print(repr(e), e.path == os.path.join(base, e.name), os.fspath(e) == e.path,
              e.is_dir(), e.is_file(), e.is_symlink(),
              e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False),
              type(e.inode()).__name__)
        try:
            print("  ", stat.filemode(e.stat().st_mode)[0], stat.filemode(e.stat(follow_symlinks=False).st_mode)[0])
        except FileNotFoundError as x:
            show(x)
    e = entries[0]
    print(type(e).__name__, type(e).__module__, e.inode() == os.lstat(e.path).st_ino)
    for call in [lambda: e.is_dir(True), lambda: e.stat(1), lambda: e.is_file(x=1), lambda: e.inode(1), lambda: os.DirEntry()]:
        try:
            call()
        except TypeError as x:
            print("TypeError:", x)
    b_entries = sorted(os.scandir(os.fsencode(base)), key=lambda e: e.name)
    print([x.name for x in b_entries][:2], type(b_entries[0].path).__name__)
    it = os.scandir(base)
    print(type(it).__name__, next(it).name in os.listdir(base))
    it.close()
    print(list(it))
    fd = os.open(base, os.O_RDONLY)
    print(sorted(os.listdir(fd)) == sorted(os.listdir(base)), sorted(x.path for x in os.scandir(fd))[:2])
    os.close(fd)
    # os.walk builds on scandir.
    for root, dirs, files in os.walk(base):
        print(root.replace(base, "BASE"), sorted(dirs), sorted(files))
    # rename, replace, unlink.
    os.rename(os.path.join(base, "file.txt"), os.path.join(base, "renamed.txt"))
    touch(os.path.join(base, "other"), b"x")
    os.replace(os.path.join(base, "other"), os.path.join(base, "renamed.txt"))
    print(os.stat(os.path.join(base, "renamed.txt")).st_size, os.path.exists(os.path.join(base, "other")))
    try:
        os.rename(os.path.join(base, "nope"), os.path.join(base, "x"))
    except FileNotFoundError as e:
        show(e)
        print(e.filename == os.path.join(base, "nope"), e.filename2 == os.path.join(base, "x"))
    try:
        os.rename(os.path.join(base, "a"), os.path.join(base, "renamed.txt"))
    except NotADirectoryError as e:
        show(e)
    # chdir and relative names.
    os.chdir(base)
    print(os.getcwd() == os.path.join(here, base), os.getcwdb() == os.fsencode(os.getcwd()), sorted(os.listdir())[:3])
    print(sorted(e.path for e in os.scandir())[:2])
    os.chdir("..")
    print(os.getcwd() == here)
    try:
        os.chdir(os.path.join(base, "missing"))
    except FileNotFoundError as e:
        show(e)
    os.removedirs(os.path.join(base, "a", "b", "c")) if False else None
    print(os.access(base, os.F_OK), os.access(base, os.R_OK | os.W_OK | os.X_OK), os.access(os.path.join(base, "nope"), os.F_OK))
finally:
    os.chdir(here)
    for root, dirs, files in os.walk(base, topdown=False):
        for name in files:
            os.unlink(os.path.join(root, name))
        for name in dirs:
            p = os.path.join(root, name)
            if os.path.islink(p):
                os.unlink(p)
            else:
                os.rmdir(p)
    os.rmdir(base)
print(os.path.exists(base))
