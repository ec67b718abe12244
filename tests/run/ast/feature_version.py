# ast.parse(feature_version=(3, N)): constructs newer than 3.N are SyntaxErrors
# with CPython's messages and places; before 3.7 async/await are names
# outside async def.
import ast
cases = [("a = b @ c\n", 4), ("a @= c\n", 4), ("x: int = 1\n", 5), ("async def f():\n    await x\n", 4), ("async def f():\n    async for x in y: pass\n", 4),
 ("async def f():\n    async with x: pass\n", 4), ("async def f():\n    [x async for x in y]\n", 5), ("f'{a}'\n", 5), ("a = 1_000\n", 5), ("(x := 1)\n", 7),
 ("def f(a, /): pass\n", 7), ("with (a as b, c): pass\n", 8), ("match x:\n    case 1: pass\n", 9), ("try: pass\nexcept* E: pass\n", 10),
 ("async = 1\nawait = 2\nprint(async, await)\n", 6), ("def f(): return *a, *b\n", 7), ("x[*a]\n", 10), ("def f(*a: *b): pass\n", 10),
 ("@x.y[1]\ndef f(): pass\n", 8), ("x = yield *a, b\n", 7), ("for x in *a, *b: pass\n", 8), ("del (a, b)\n", 8), ("a[1:2, *b]\n", 10),
 ("async def f():\n    return {x async for x in y}\n", 5), ("lambda a, /: 1\n", 7), ("def f():\n    async = 5\n    return async\n", 6),
 ("async def f():\n    async = 5\n", 6), ("print(f'{x=}')\n", 7), ("continue_ = 1\nfor x in y:\n    try: pass\n    finally: continue\n", 7),
 ("def f():\n  x = yield\n", 4), ("u'x'\n", 2), ("a = b'x' % 1\n", 4)]
for src, v in cases:
    for ver in (v - 1, v):
        try:
            ast.parse(src, feature_version=(3, ver))
            print(ver, "ok")
        except SyntaxError as e:
            print(ver, repr(src[:20]), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
print(ast.dump(ast.parse("async = 1\n", feature_version=(3, 6))))
try: ast.parse("x", feature_version=(2, 7))
except Exception as e: print(type(e).__name__, e)
print(ast.dump(ast.parse("x", feature_version=(3, 99))))
