# sys: displayhook (and PRINT_EXPR through it), getrefcount, the switch interval, is_finalizing, constants.
import sys, builtins
print(sys.abiflags == "", sys.maxunicode, type(sys.copyright).__name__, sys._framework)
print(sys.getswitchinterval())
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
for bad in (0, -1.0, "x"):
    try:
        sys.setswitchinterval(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sys.is_finalizing(), sys.getdlopenflags())
x = object()
print(sys.getrefcount(x))
y = [x, x]
print(sys.getrefcount(x))
print(sys.thread_info.name, type(sys.thread_info).__name__, len(sys.thread_info))
print(sys.displayhook is sys.__displayhook__)
sys.displayhook(None)
sys.displayhook(42)
print(builtins._)
sys.displayhook("s")
print(builtins._)
exec(compile("1 + 2", "<s>", "single"))
print(builtins._)
seen = []
sys.displayhook = lambda v: seen.append(v)
exec(compile("[1, 2]", "<s>", "single"))
print(seen)
del sys.displayhook
try:
    exec(compile("5", "<s>", "single"))
except RuntimeError as e:
    print("RuntimeError", e)
sys.displayhook = sys.__displayhook__
import atexit
atexit.register(lambda: print("finalizing at exit:", sys.is_finalizing()))
print(isinstance(sys.orig_argv, list), sys.orig_argv[-1:] == sys.argv[-1:])
