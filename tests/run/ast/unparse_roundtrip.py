# ast.unparse, and parse(unparse(tree)) giving the same tree back.
import ast

SOURCES = [
    "x = (1 + 2) * 3",
    "def f(a, /, b: int = 1, *args, c, d=4, **kw) -> 'r':\n    '''doc'''\n    return a if b else c",
    "class C(Base, metaclass=M):\n    @property\n    def p(self): ...",
    "async def g():\n    async for x in y:\n        await z\n    async with a as (b, c):\n        pass",
    "try:\n    pass\nexcept E as e:\n    raise\nelse:\n    pass\nfinally:\n    pass",
    "with a as b, c as d:\n    pass",
    "x = [i ** 2 for i in range(10) if i % 2]",
    "y = {k: v for k, v in items}",
    "z = lambda a, b=2: a + b",
    "print(f'{x!r:>10} {y=} {{literal}}')",
    "a = not b and (c or d)",
    "del x[0], y.z",
    "global g",
    "match cmd:\n    case ['go', direction]:\n        pass\n    case {'x': 1, **rest}:\n        pass\n    case Point(x=0) | None:\n        pass",
    "x: list[int] = []",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
    "while True:\n    break",
    "from .. import x as y",
    "a[1:2, ::3]",
    "(yield)" if False else "def gen():\n    x = yield 1\n    yield from range(3)",
    "x = -(-1) ** 2",
    "s = 'quote\\'s' + \"dq\" + b'\\x00'",
    "t = 1e300 * 1e300",
    "(a := 5)",
    "star, *rest = [1, 2, 3]",
]
for src in SOURCES:
    tree = ast.parse(src)
    text = ast.unparse(tree)
    print(text)
    print('---')
    again = ast.parse(text)
    print(ast.dump(again) == ast.dump(tree))

print(ast.unparse(ast.BinOp(ast.Constant(1), ast.Add(), ast.Name('x', ast.Load()))))
print(ast.unparse(ast.parse('x = 1', mode='eval') if False else ast.parse('x + 1', mode='eval')))
