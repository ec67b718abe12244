# The text signatures and docstrings of the built-in functions, of the
# methods of the built-in types and of math's and sys's functions, and what
# inspect.signature() makes of them (a Signature, or ValueError).
import builtins
import inspect
import math
import re
import sys
import types

# Names Krait's types do not have yet (tracked elsewhere), skipped on both
# sides so that the rest is compared.
MISSING = {
    ("bytearray", "__sizeof__"), ("list", "__sizeof__"), ("set", "__sizeof__"),
    ("frozenset", "__sizeof__"), ("type", "__dir__"), ("type", "__instancecheck__"),
    ("type", "__sizeof__"), ("type", "__subclasscheck__"), ("generator", "__del__"),
    ("generator", "__sizeof__"), ("coroutine", "__del__"), ("coroutine", "__sizeof__"),
    ("async_generator", "__del__"), ("async_generator", "__sizeof__"),
    ("async_generator", "__class_getitem__"),
}
# Functions of sys that Krait does not have.
SYS_MISSING = {"_current_exceptions", "_current_frames", "_debugmallocstats",
               "_getquickenedcount", "getallocatedblocks", "getdlopenflags",
               "setdlopenflags", "_clear_type_cache"}


def show(label, obj):
    sig = getattr(obj, "__text_signature__", None)
    doc = getattr(obj, "__doc__", None)
    try:
        shown = str(inspect.signature(obj))
    except ValueError as e:
        shown = "ValueError: " + re.sub(r"0x[0-9a-f]+", "0x?", str(e))
    print(f"{label}: {sig!r} doc={isinstance(doc, str) and bool(doc)} -> {shown}")


for name in sorted(vars(builtins)):
    obj = getattr(builtins, name)
    if isinstance(obj, types.BuiltinFunctionType):
        show(f"builtins.{name}", obj)

for mod, missing in ((math, set()), (sys, SYS_MISSING)):
    for name in sorted(vars(mod)):
        obj = getattr(mod, name)
        if isinstance(obj, types.BuiltinFunctionType) and name not in missing:
            show(f"{mod.__name__}.{name}", obj)

# The posix functions Krait has.
POSIX = """WEXITSTATUS WIFEXITED WIFSIGNALED WIFSTOPPED WSTOPSIG WTERMSIG _exit access
chdir chmod close closerange cpu_count device_encoding dup dup2 fchdir fchmod fspath
fstat fsync ftruncate get_blocking get_inheritable get_terminal_size getcwd getcwdb
getegid geteuid getgid getloadavg getpgrp getpid getppid getuid isatty kill link
listdir lseek lstat mkdir open pipe pread putenv pwrite read readlink remove rename
replace rmdir scandir set_blocking set_inheritable stat strerror symlink sysconf times
truncate umask uname unlink unsetenv urandom utime waitpid waitstatus_to_exitcode
write""".split()
import posix
for name in POSIX:
    show(f"posix.{name}", getattr(posix, name))

import gc
import time
for name in """asctime clock_getres clock_gettime clock_gettime_ns ctime get_clock_info
gmtime localtime mktime monotonic monotonic_ns perf_counter perf_counter_ns
process_time process_time_ns sleep strftime strptime thread_time thread_time_ns
time time_ns tzset""".split():
    show(f"time.{name}", getattr(time, name))
# Smaller native modules: the functions both Krait and CPython have
# (not _thread.exit_thread, which is _thread.exit itself in Krait).
SMALL = {
    "atexit": "_clear _ncallbacks _run_exitfuncs register unregister",
    "_weakref": "_remove_dead_weakref getweakrefcount getweakrefs proxy",
    "_thread": "_count _set_sentinel allocate allocate_lock exit get_ident get_native_id interrupt_main stack_size start_new start_new_thread",
    "marshal": "dump dumps load loads",
    "binascii": "a2b_base64 a2b_hex a2b_qp a2b_uu b2a_base64 b2a_hex b2a_qp b2a_uu crc32 crc_hqx hexlify unhexlify",
    "zlib": "adler32 compress compressobj crc32 decompress decompressobj",
    "select": "poll select",
    "_bisect": "bisect_left bisect_right insort_left insort_right",
    "unicodedata": "bidirectional category combining decimal decomposition digit east_asian_width is_normalized lookup mirrored name normalize numeric",
    "_io": "open open_code text_encoding",
    "_string": "formatter_field_name_split formatter_parser",
    "_struct": "_clearcache calcsize iter_unpack pack pack_into unpack unpack_from",
}
for mod_name, names in SMALL.items():
    mod = __import__(mod_name)
    for name in names.split():
        show(f"{mod_name}.{name}", getattr(mod, name))

import _operator
for name in sorted(vars(_operator)):
    if isinstance(getattr(_operator, name), types.BuiltinFunctionType):
        show(f"_operator.{name}", getattr(_operator, name))
for name in sorted(vars(gc)):
    if isinstance(getattr(gc, name), types.BuiltinFunctionType):
        show(f"gc.{name}", getattr(gc, name))

OWNERS = [
    ("str", str), ("bytes", bytes), ("bytearray", bytearray), ("int", int),
    ("bool", bool), ("float", float), ("complex", complex), ("list", list),
    ("tuple", tuple), ("dict", dict), ("set", set), ("frozenset", frozenset),
    ("range", range), ("slice", slice), ("memoryview", memoryview),
    ("object", object), ("type", type), ("generator", types.GeneratorType),
    ("coroutine", types.CoroutineType), ("async_generator", types.AsyncGeneratorType),
]
# Slot wrappers share one entry per name: a sample of them is shown; the
# other special methods that are slots in CPython (a method or a wrapper
# in Krait, which the ValueError's repr would tell apart) are skipped.
SLOTS = {"__new__", "__init__", "__repr__", "__hash__", "__eq__", "__lt__", "__len__",
         "__iter__", "__next__", "__add__", "__radd__", "__pow__", "__get__"}
SLOT_NAMES = set("""__getitem__ __contains__ __await__ __aiter__ __anext__ __setitem__
__delitem__ __str__ __call__ __getattribute__ __setattr__ __delattr__ __le__ __ne__
__gt__ __ge__ __set__ __delete__ __mul__ __rmul__ __mod__ __rmod__ __sub__ __rsub__
__divmod__ __rdivmod__ __rpow__ __neg__ __pos__ __abs__ __bool__ __invert__
__lshift__ __rlshift__ __rshift__ __rrshift__ __and__ __rand__ __xor__ __rxor__
__or__ __ror__ __int__ __float__ __index__ __floordiv__ __rfloordiv__ __truediv__
__rtruediv__ __iadd__ __isub__ __imul__ __iand__ __ior__ __ixor__ __del__""".split())
for owner, ty in OWNERS:
    for name in sorted(vars(ty)):
        if (owner, name) in MISSING:
            continue
        try:
            obj = getattr(ty, name)
        except AttributeError:  # type's __abstractmethods__, ...
            continue
        if isinstance(obj, type) or not callable(obj):
            continue
        if name in SLOT_NAMES or (type(obj).__name__ == "wrapper_descriptor" and name not in SLOTS):
            continue
        show(f"{owner}.{name}", obj)

# Bound forms: a method bound to an instance loses $self, a class method
# or __new__ its $type, a module function its $module.
show("[].append", [].append)
show("'x'.split", "x".split)
show("(1).__add__", (1).__add__)
print(list.__getitem__.__doc__ is not None, int.__lt__.__text_signature__, (2).__neg__.__text_signature__)
show("dict.fromkeys", dict.fromkeys)
show("int.from_bytes", int.from_bytes)
show("str.maketrans", str.maketrans)
show("int.__new__", int.__new__)
show("True.bit_length", True.bit_length)
print(isinstance(len.__doc__, str), len.__doc__.startswith("len("))
print(str.split.__doc__ is not None, "\n--\n" in (str.split.__doc__ or ""))
print(type(len.__text_signature__).__name__, type(str.count.__text_signature__).__name__)

# The containers' iterators and the dict views.
for it in (iter([]), reversed([]), iter(()), iter("ab"), iter(b""), iter(bytearray()),
           iter(range(3)), iter(set()), iter({}), iter({}.values()), iter({}.items()),
           reversed({}), {}.keys(), {}.values(), {}.items()):
    t = type(it)
    for name in sorted(vars(t)):
        obj = getattr(t, name)
        if callable(obj) and name not in SLOT_NAMES and type(obj).__name__ != "wrapper_descriptor":
            show(f"{t.__name__}.{name}", obj)

# Data attributes of coroutines carry docs too.
import types as _t
print([isinstance(_t.CoroutineType.__dict__[n].__doc__, str) for n in ("__name__", "__qualname__")])

for name in ("__reduce__", "__setstate__", "add_note", "with_traceback", "__init__", "__str__"):
    show(f"BaseException.{name}", getattr(BaseException, name))
    show(f"ValueError().{name}", getattr(ValueError(), name))

# The built-in exception classes have docs (ExceptionGroup excepted) and
# no text signature; a class defined in Python has no doc of its own.
for name in sorted(vars(builtins)):
    obj = getattr(builtins, name)
    if isinstance(obj, type) and issubclass(obj, BaseException):
        print(name, isinstance(obj.__doc__, str), obj.__text_signature__)


class MyError(ValueError):
    pass


print(MyError.__doc__, MyError.__text_signature__)

# The doctests of the builtins' docstrings: as many examples per object as
# CPython's (test_doctest and test_builtin count them), and all pass.
import doctest

found = [t for t in doctest.DocTestFinder().find(builtins) if t.examples]
for t in sorted(found, key=lambda t: t.name):
    print(len(t.examples), t.name)
runner = doctest.DocTestRunner(verbose=False)
for t in found:
    runner.run(t)
print(runner.summarize(verbose=False))
print(builtins.__doc__ is not None)
