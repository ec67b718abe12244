# compile() and exec() pass the caller's __future__ features on unless dont_inherit.
from __future__ import annotations
c = compile("def f(a: undefined) -> int: pass\nprint(f.__annotations__)", "<s>", "exec")
print(hex(c.co_flags))
exec(c)
c = compile("def f(a: undefined2) -> int: pass\nprint(f.__annotations__)", "<s>", "exec", dont_inherit=True)
print(hex(c.co_flags))
try:
    exec(c)
except NameError as e:
    print("NameError", e)
exec("def h(a: nope): pass\nprint(h.__annotations__)")
print(eval("(lambda: 1)").__code__.co_flags & 0x1000000)
