# ContextVar, Token and Context: get/set/reset, run entering and leaving,
# copies, the mapping protocol and CPython's messages.
import contextvars as cv
import re

def clean(text):
    return re.sub(r"0x[0-9a-f]+", "0x...", str(text))

v = cv.ContextVar("v")
w = cv.ContextVar("w", default=5)
print(v.name, w.name, clean(repr(v)), clean(repr(w)), clean(repr(cv.ContextVar("q", default="s"))))
print(w.get(), v.get(3), cv.ContextVar("n", default=None).get())
try:
    v.get()
except LookupError as e:
    print("LookupError", clean(e), e.args[0] is v)

t = v.set(1)
print(t.var is v, t.old_value is cv.Token.MISSING, cv.Token.MISSING, clean(repr(t)), v.get())
t2 = v.set(2)
print(t2.old_value, v.get())
v.reset(t2)
print(v.get())
v.reset(t)
print(v.get("gone"))
try:
    v.reset(t)
except RuntimeError as e:
    print("RuntimeError", clean(e))

def f(x):
    v.set(x)
    return v.get(), len(cv.copy_context())

ctx = cv.copy_context()
print(ctx.run(f, 10), v.get("outside"), ctx[v], v in ctx, w in ctx, len(ctx))
print(ctx.get(v), ctx.get(w), ctx.get(w, "dflt"), [k.name for k in ctx], [k.name for k in ctx.keys()])
print(list(ctx.values()), [(k.name, x) for k, x in ctx.items()])
c2 = ctx.copy()
print(c2 == ctx, c2 is ctx, c2[v], cv.Context() == cv.Context(), ctx == 1, ctx != c2)
c2.run(v.set, 99)
print(ctx[v], c2[v], c2 == ctx)

def nested():
    return ctx.run(f, 1)
try:
    ctx.run(nested)
except RuntimeError as e:
    print("RuntimeError", clean(e))
print(ctx.run(lambda *a, **k: (a, k), 1, 2, x=3))

def boom():
    v.set("inside")
    raise KeyError("k")
try:
    ctx.run(boom)
except KeyError as e:
    print("KeyError", e, ctx[v], v.get("outer"))

t3 = v.set(3)
try:
    ctx.run(v.reset, t3)
except ValueError as e:
    print("ValueError", clean(e))
try:
    w.reset(t3)
except ValueError as e:
    print("ValueError", clean(e))

tests = ["hash(ctx)", "cv.Context(1)", "ctx[1]", "1 in ctx", "ctx[w]", "v.get(default=3)", "cv.ContextVar()",
         "cv.ContextVar(1)", "cv.ContextVar('a', 1)", "v.reset(1)", "ctx.get(1)", "ctx.run()", "v.set()",
         "cv.Token()", "cv.ContextVar[int]", "cv.Token[int]", "type(cv.Token.MISSING).__name__",
         "cv.ContextVar('x', default=1, other=2)"]
for t in tests:
    try:
        print(t, clean(repr(eval(t))))
    except Exception as e:
        print(t, type(e).__name__, clean(e))
for c in [cv.ContextVar, cv.Token, cv.Context]:
    try:
        class X(c):
            pass
    except TypeError as e:
        print(e)
print(cv.Context.__module__, cv.ContextVar.__module__, cv.Token.__module__)
