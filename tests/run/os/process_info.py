# The process calls: ids, umask, kill, times, uname, cpu_count, urandom,
# terminal size (the tests' output is not a terminal), and os's names.
import os

print(type(os.getpid()).__name__, os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())
print(os.getuid() == os.geteuid(), os.getgid() == os.getegid(), type(os.getpgrp()).__name__)
old = os.umask(0o027)
print(oct(os.umask(old)))
print(os.kill(os.getpid(), 0))
for args in [(2**40, 0), (-2**40, 0), ("1", 0)]:
    try:
        os.kill(*args)
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
# A descriptor of -1 means "none given": the current folder (the checkout).
print("tests" in os.listdir(-1), "tests" in [e.name for e in os.scandir(-1)])
try:
    os.kill(2**30, 0)
except ProcessLookupError as e:
    print("ProcessLookupError", e)
t = os.times()
print(type(t).__name__, type(t).__module__, len(t), t.n_fields, all(type(x) is float for x in t), t.user == t[0])
u = os.uname()
print(type(u).__name__, len(u), u.sysname, type(u.nodename).__name__, u[4] == u.machine)
n = os.cpu_count()
print(type(n).__name__, n >= 1)
b = os.urandom(16)
print(type(b).__name__, len(b), len(os.urandom(0)))
print(os.isatty(1), os.device_encoding(1))
try:
    os.get_terminal_size()
except OSError as e:
    print(type(e).__name__, e.errno, e)
try:
    os.get_terminal_size(99)
except OSError as e:
    print(type(e).__name__, e)
s = os.terminal_size((80, 24))
print(s, s.columns, s.lines)
print(os.name, os.sep, os.altsep, os.curdir, os.pardir, os.extsep, os.pathsep, repr(os.linesep), os.devnull, os.defpath)
print(os.stat in os.supports_dir_fd, os.stat in os.supports_fd, os.stat in os.supports_follow_symlinks, os.scandir in os.supports_fd)
print(os.F_OK, os.R_OK, os.W_OK, os.X_OK, os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.O_EXCL, os.O_TRUNC, os.O_APPEND)
print(os.EX_OK, os.EX_USAGE, os.WNOHANG, os.SEEK_DATA, os.SEEK_HOLE)
print(os.PathLike.__name__, isinstance(os.scandir, object), os.sysconf("SC_CLK_TCK") > 0)
l = os.getloadavg()
print(len(l), all(type(x) is float for x in l))
