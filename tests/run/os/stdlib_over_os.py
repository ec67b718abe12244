# The pure-Python modules that build on os: each imports and does a little
# in a folder of our own.
import os

base = "_krait_os_stdlib_over_os_%d" % os.getpid()
os.mkdir(base)
try:
    import stat
    import fnmatch
    import glob
    import shutil
    import tempfile
    import pathlib
    for name in ["a.py", "b.py", "c.txt"]:
        fd = os.open(os.path.join(base, name), os.O_WRONLY | os.O_CREAT)
        os.write(fd, name.encode())
        os.close(fd)
    print(fnmatch.fnmatch("a.py", "*.py"), fnmatch.filter(["x.py", "y.txt"], "*.txt"))
    print(sorted(os.path.basename(p) for p in glob.glob(os.path.join(base, "*.py"))))
    shutil.copy(os.path.join(base, "a.py"), os.path.join(base, "d.py"))
    os.mkdir(os.path.join(base, "sub"))
    shutil.copytree(os.path.join(base, "sub"), os.path.join(base, "sub2"))
    print(sorted(os.listdir(base)))
    p = pathlib.Path(base)
    print(sorted(x.name for x in p.iterdir()), (p / "c.txt").read_text(), (p / "c.txt").stat().st_size)
    print(sorted(x.name for x in p.glob("*.py")), p.joinpath("sub").is_dir(), pathlib.PurePosixPath("/a/b").parts)
    with tempfile.TemporaryDirectory(dir=base) as tmp:
        print(os.path.isdir(tmp), os.path.dirname(tmp) == base)
    with tempfile.NamedTemporaryFile(dir=base) as f:
        f.write(b"data")
        f.flush()
        print(os.path.getsize(f.name))
    print(stat.filemode(os.stat(base).st_mode)[0])
finally:
    # Not shutil.rmtree: the folder must go even when an import failed.
    for root, dirs, files in os.walk(base, topdown=False):
        for name in files:
            os.unlink(os.path.join(root, name))
        for name in dirs:
            os.rmdir(os.path.join(root, name))
    os.rmdir(base)
print(os.path.exists(base))
