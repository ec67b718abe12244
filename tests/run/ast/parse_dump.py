# ast.parse + ast.dump(include_attributes=True) over every kind of node.
import ast

SOURCES = [
    "x = 1",
    "a, *b = c[1:2, ::3] = d.e",
    "x += 1; y: int = 2; z: 'str'",
    "del a[0], b.c",
    "def f(a, /, b=1, *c, d, e=2, **g) -> int:\n    'doc'\n    return a\n",
    "async def g():\n    async with a as b, c:\n        await x\n    async for i in y:\n        yield i\n",
    "@dec\nclass C(B, metaclass=M):\n    x: int\n    def m(self): pass\n",
    "for i in range(3):\n    if i: break\n    else: continue\nelse:\n    pass\n",
    "while x:\n    x -= 1\nelse:\n    y = 2\n",
    "try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nexcept C:\n    pass\nelse:\n    y\nfinally:\n    z\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\n",
    "with open(f) as g, h: pass",
    "import a.b as c, d\nfrom ..e import (f as g, h)\nfrom . import *",
    "global q\nnonlocal r" if False else "def f():\n    global q\n    def g():\n        nonlocal q\n",
    "assert x, 'msg'",
    "lambda x, *y, z=3, **k: (x, y)",
    "a if b else c",
    "{1: 2, **d}; {1, 2}; [1, *x]; ()",
    "[x for x in y if x for z in w]; {x for x in y}; {k: v for k, v in d}; (x async for x in y)",
    "f(a, *b, c=1, **d)",
    "a < b <= c != d is e is not f in g not in h",
    "not a and b or c",
    "-a + +b * ~c @ d / e // f % g ** h << i >> j | k ^ l & m",
    "f'{a!r:>{w}} and {b=}'",
    "f'x' 'tail' f'{y}'",
    "b'bytes' + u'uni' + r'raw' + 'a' 'b'",
    "x = 1_000 + 0x10 + 1.5e3 + 2j + 10**30",
    "(y := 10)",
    "x[1:2]; x[::]; x[a, b]; x[...]",
    "match p:\n    case 1 | 2: pass\n    case [a, *rest]: pass\n    case {'k': v, **kw}: pass\n    case Point(x=0, y=yy) as pt if yy > 0: pass\n    case None: pass\n    case -1.5 | 2+3j: pass\n    case str() | _: pass\n",
    "é = 'ü'; x = 'ab😀' + é",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n",
    "print(*args, sep='')",
    "yield_ = [(yield), (yield from x)]" if False else "def g():\n    x = yield\n    y = yield from z\n",
]

for src in SOURCES:
    tree = ast.parse(src)
    print(ast.dump(tree, include_attributes=True))

print(ast.dump(ast.parse("x + 1", mode="eval"), include_attributes=True))
print(ast.dump(ast.parse("x = 1", mode="single"), include_attributes=True))
print(ast.dump(ast.parse("f(x)\n", feature_version=(3, 8))))
print(ast.dump(ast.parse("def f(a, b=2): return a"), indent=2))
print(ast.dump(ast.parse("x = 1\r\ny = 2\r\n"), include_attributes=True))
print(ast.dump(ast.parse(b"# coding: latin-1\nx = '\xe9'\n"), include_attributes=True))
t = ast.parse("a; b")
print(t.body[0].value.ctx is t.body[1].value.ctx)
print(type(ast.parse("x + y").body[0].value.op).__name__)
