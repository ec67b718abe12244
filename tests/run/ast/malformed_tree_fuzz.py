# compile() of trees with one field or position replaced by a wrong value
# (a fixed pseudo-random walk): CPython's reading and validation errors.
import ast, sys, re

SOURCES = [
    "def f(a, /, b=1, *c, d, e=2, **g) -> int:\n    'doc'\n    return a\n",
    "async def g():\n    async with a as b, c:\n        await x\n    async for i in y:\n        yield i\n",
    "@dec\nclass C(B, metaclass=M):\n    x: int = 3\n    def m(self): pass\n",
    "for i in range(3):\n    if i: break\n    else: continue\nelse:\n    pass\n",
    "try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nelse:\n    y\nfinally:\n    z\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\n",
    "with open(f) as g, h: del a[0], b.c\n",
    "import a.b as c, d\nfrom ..e import (f as g, h)\nglobal q\n",
    "x = [y for y in z if y] + {k: v for k, v in w} + {a, *b}\n(n := 3)\nlambda x=1, *a, k: x\n",
    "a < b <= c; not a and b or c; -a ** b @ c\nf'{a!r:>{w}}'; x[1:2, ::3]; f(*a, k=1, **kw)\n",
    "match p:\n    case 1 | 2: pass\n    case [a, *rest]: pass\n    case {'k': v, **kw}: pass\n    case Point(x=0, y=yy) as pt if yy > 0: pass\n    case None: pass\n    case str() | _: pass\n",
    "x: int\ny += 1\nassert x, 'm'\nwhile x: x -= 1\nif a: pass\nelif b: pass\n",
]
VALUES = [None, [], 1, 'x', -1, 2**40, 1.5, (1, 2), ast.Pass, ast.Load, ast.Store, ast.Name, ast.Constant, 'DELETE', [None], ['x']]

seed = int(sys.argv[2]) if len(sys.argv) > 2 else 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % (2 ** 31)
    return seed % n

def make(v):
    if v is ast.Pass: return ast.Pass(lineno=1, col_offset=0)
    if v is ast.Load: return ast.Load()
    if v is ast.Store: return ast.Store()
    if v is ast.Name: return ast.Name('y', ast.Store(), lineno=1, col_offset=0)
    if v is ast.Constant: return ast.Constant(1, lineno=1, col_offset=0)
    if isinstance(v, list): return list(v)
    return v

for i in range(int(sys.argv[1]) if len(sys.argv) > 1 else 800):
    src = SOURCES[rnd(len(SOURCES))]
    tree = ast.parse(src)
    nodes = list(ast.walk(tree))
    node = nodes[rnd(len(nodes))]
    names = list(node._fields) + list(getattr(node, '_attributes', ()))
    if not names:
        continue
    name = names[rnd(len(names))]
    v = VALUES[rnd(len(VALUES))]
    if v == 'DELETE':
        try: delattr(node, name)
        except AttributeError: pass
    else:
        setattr(node, name, make(v))
    try:
        compile(tree, '<fuzz>', 'exec')
        r = 'ok'
    except Exception as e:
        r = '%s: %s' % (type(e).__name__, re.sub(r' at 0x[0-9a-f]+', '', str(e)))
    print(i, type(node).__name__, name, repr(v) if not isinstance(v, type) else v.__name__, '->', r)
