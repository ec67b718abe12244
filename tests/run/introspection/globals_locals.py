print(sorted(globals()))
print(__name__, __doc__, __package__, __spec__)
print(globals() is vars(), locals() is globals())
x = 1
globals()["y"] = 2
print(y)

def f(a, b=2):
    c = a + b
    loc = locals()
    print(sorted(loc.items(), key=str))
    loc["c"] = "changed"
    print(c)
    d = 4
    print(sorted(locals()))
f(1)

def closure():
    free = "free var"
    def inner():
        print(sorted(locals().items()))
        return free
    return inner
closure()()

class K:
    a = 1
    print(sorted(k for k in locals() if not k.startswith("__")), locals()["__qualname__"])
print(__file__.endswith("globals_locals.py"), type(__builtins__).__name__, __builtins__.__name__)
