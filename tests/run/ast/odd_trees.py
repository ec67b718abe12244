# Unusual trees compiled: a node shared twice, a list subclass, a cycle, a
# position property that raises, bool positions, a context subclass.
import ast
lam = ast.parse("lambda: 7", mode="eval").body
t = ast.Expression(ast.Tuple([lam, lam], ast.Load(), lineno=1, col_offset=0))
print([f() for f in eval(compile(t, "<s>", "eval"))])
class L(list): pass
m = ast.Module(body=L([ast.Expr(ast.Constant(1, lineno=1, col_offset=0), lineno=1, col_offset=0)]), type_ignores=[])
exec(compile(m, "<l>", "exec"))
print("list subclass ok")
e = ast.BinOp(None, ast.Add(), None, lineno=1, col_offset=0)
e.left = e; e.right = ast.Constant(1, lineno=1, col_offset=0)
try:
    compile(ast.Expression(e), "<c>", "eval")
except RecursionError as ex:
    print("RecursionError", ex)
class Boom(ast.expr):
    _fields = ()
    @property
    def lineno(self): raise KeyError("boom")
try:
    compile(ast.Expression(Boom()), "<b>", "eval")
except KeyError as ex:
    print("KeyError", ex)
n = ast.Name('x', ast.Load(), lineno=True, col_offset=False)
print(eval(compile(ast.Expression(n), "<n>", "eval"), {'x': 5}))
class MyLoad(ast.Load): pass
print(eval(compile(ast.Expression(ast.Name('x', MyLoad(), lineno=1, col_offset=0)), "<n>", "eval"), {'x': 6}))
