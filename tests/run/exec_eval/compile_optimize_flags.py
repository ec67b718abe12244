# compile(optimize=...): asserts, docstrings and __debug__; flags and their errors.
import ast, __future__
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
src = "def g():\n  'doc'\n  assert False, 'boom'\n  return __debug__, not __debug__\nclass C:\n  'cdoc'\n'''mdoc'''\nif __debug__:\n  dbg = 1\nelse:\n  dbg = 0\n"
for opt in (-1, 0, 1, 2):
    ns = {}
    exec(compile(src, "<s>", "exec", optimize=opt), ns)
    print(opt, ns["g"].__doc__, ns["C"].__doc__, ns.get("__doc__"), ns["dbg"])
    show(ns["g"])
    print(ns["g"].__code__.co_consts[0], ns["g"].__code__.co_names)
    t = ast.parse(src)
    ns2 = {}
    exec(compile(t, "<ast>", "exec", optimize=opt), ns2)
    print(" ast:", ns2["g"].__doc__, ns2["C"].__doc__, ns2.get("__doc__"), ns2["dbg"])
show(lambda: compile("x", "<s>", "exec", flags=0x123456789))
show(lambda: compile("x", "<s>", "exec", flags="a"))
show(lambda: compile("x", "<s>", "exec", optimize=3))
show(lambda: compile("x", "<s>", "exec", optimize=True).co_names)
show(lambda: compile("x", "<s>", "exec", dont_inherit=2).co_names)
show(lambda: compile("x", "<s>", "exec", flags=1))
f = __future__.annotations.compiler_flag
c = compile("def f(a: undefined) -> int: pass\nprint(f.__annotations__)", "<s>", "exec", flags=f)
print(hex(c.co_flags))
exec(c)
show(lambda: exec(compile("def f(a: undefined): pass", "<s>", "exec")))
ns = {}
exec("x: undefined_name = 1", ns)
