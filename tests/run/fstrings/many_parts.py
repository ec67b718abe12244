# f-strings past the compiler's stack-use guideline (30 parts) are joined
# from a list, as CPython 3.11 does; the values and the call shape agree.
import dis

x = 7
for n in (30, 31, 40, 300):
    src = "f'" + "".join("a{x!r:>3}" for _ in range(n // 2)) + "'"
    v = eval(src)
    print(n, len(v), v[:24])

# Mixed conversions, nested specs and expressions with side effects keep order.
calls = []
def f(i):
    calls.append(i)
    return i
src = "f'" + "".join("{f(%d)}|{f(%d)!a:{3}}-" % (i, i + 1000) for i in range(25)) + "'"
out = eval(src)
print(len(out), out[:40], calls[:6], len(calls))

# The large form raises from the failing part like the small one.
try:
    eval("f'" + "{x}" * 35 + "{1/0}'")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

for src in ("f'" + "{x}-" * 40 + "'", "f'" + "{x}-" * 10 + "'"):
    ops = [i.opname for i in dis.get_instructions(compile(src, "s", "eval"))]
    print(ops[1:4], ops[-3:-1], ops.count("LIST_APPEND"), ops.count("BUILD_STRING"))

def g(y):
    return f"{y}" f"{y + 1}" * 1 + "".join(f"{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}{y}" for _ in range(2))
print(g(3))
