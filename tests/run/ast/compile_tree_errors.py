# compile() of malformed ast trees: CPython's checks and messages.
import ast
import re

def shown(e):
    """The message without an object's address."""
    return re.sub(r" at 0x[0-9a-f]+", " at ADDR", str(e))

def P(**kw):
    d = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)
    d.update(kw)
    return d

def name(id='x', ctx=None, **kw):
    return ast.Name(id, ctx or ast.Load(), **P(**kw))

def mod(*stmts):
    return ast.Module(body=list(stmts), type_ignores=[])

def expr_stmt(e):
    return ast.Expr(e, **P())

CASES = [
    ("not a stmt", mod(1)),
    ("wrong node", mod(ast.Expr(ast.Pass(**P()), **P()))),
    ("missing lineno", mod(ast.Expr(ast.Name('x', ast.Load()), **P()))),
    ("store ctx", mod(expr_stmt(name(ctx=ast.Store())))),
    ("None id", mod(expr_stmt(name('None')))),
    ("int id", mod(expr_stmt(ast.Name(3, ast.Load(), **P())))),
    ("body not list", ast.Module(body=3, type_ignores=[])),
    ("None in body", ast.Module(body=[None], type_ignores=[])),
    ("no type_ignores", ast.Module(body=[])),
    ("value None", mod(ast.Expr(None, **P()))),
    ("ctx None", mod(expr_stmt(ast.Name('x', None, **P())))),
    ("bad op", mod(expr_stmt(ast.BinOp(name(), ast.Load(), name(), **P())))),
    ("list constant", mod(expr_stmt(ast.Constant([1], **P())))),
    ("line range", mod(expr_stmt(ast.Constant(1, **P(lineno=3, end_lineno=2))))),
    ("column range", mod(expr_stmt(ast.Constant(1, **P(col_offset=5, end_col_offset=2))))),
    ("bad lineno", mod(expr_stmt(ast.Constant(1, **P(lineno='a'))))),
    ("huge lineno", mod(expr_stmt(ast.Constant(1, **P(lineno=2 ** 70))))),
    ("negative level", mod(ast.ImportFrom('m', [ast.alias('y', **P())], -1, **P()))),
    ("empty global", mod(ast.Global([], **P()))),
    ("compare", mod(expr_stmt(ast.Compare(name(), [], [], **P())))),
    ("kind", mod(expr_stmt(ast.Constant(1, kind=3, **P())))),
    ("boolop", mod(expr_stmt(ast.BoolOp(ast.And(), [name()], **P())))),
    ("dict", mod(expr_stmt(ast.Dict([name()], [], **P())))),
    ("empty body", mod(ast.While(name(), [], [], **P()))),
    ("try", mod(ast.Try([ast.Pass(**P())], [], [], [], **P()))),
    ("assign to call", mod(ast.Assign([ast.Call(name(), [], [], **P())], name(), **P()))),
    ("raise cause", mod(ast.Raise(None, name(), **P()))),
    ("return outside", mod(ast.Return(None, **P()))),
    ("annassign", mod(ast.AnnAssign(ast.Attribute(name(), 'a', ast.Store(), **P()), name(), None, 1, **P()))),
]
for label, tree in CASES:
    try:
        compile(tree, "<tree>", "exec")
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, shown(e))

for tree, mode in [(ast.Expression(body=name()), "exec"), (mod(), "eval"), (3, "exec")]:
    try:
        compile(tree, "<t>", mode)
    except TypeError as e:
        print(type(e).__name__, e)
print(compile(mod(), "<t>", "exec", ast.PyCF_ONLY_AST) is not None)
try:
    compile("x", "<t>", "func_type")
except ValueError as e:
    print(e)
try:
    compile(mod(ast.Return(None, **P())), "<tree>", "exec")
except SyntaxError as e:
    print(e.args)
# The compiler's warnings for a tree (no file: no source line shown).
exec(compile(ast.parse("x = 1\nif x is 1: pass\nassert (x, 'm')\n"), "<warned>", "exec"), {})
print("ran")
