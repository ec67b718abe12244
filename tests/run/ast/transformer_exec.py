# NodeVisitor, NodeTransformer, fix_missing_locations, compile() of the
# new tree and running it; increment_lineno, copy_location, get_docstring.
import ast

src = '''
"""Module doc."""
def add(a, b):
    """Add two things."""
    return a + b

def mul(a, b):
    return a * b

print(add(2, 3), mul(4, 5))
x = 10
print(x - 1)
'''

class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = {}
    def visit_Name(self, node):
        self.names[node.id] = self.names.get(node.id, 0) + 1
        self.generic_visit(node)

tree = ast.parse(src)
c = Counter()
c.visit(tree)
print(sorted(c.names.items()))
print(ast.get_docstring(tree, clean=False), '|', ast.get_docstring(tree.body[1], False), '|', ast.get_docstring(tree.body[2], False))

class SwapOps(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Add):
            return ast.copy_location(ast.BinOp(node.left, ast.Mult(), node.right), node)
        if isinstance(node.op, ast.Sub):
            node.op = ast.Add()
        return node

class Const10(ast.NodeTransformer):
    def visit_Constant(self, node):
        if node.value == 10:
            return ast.Constant(100)
        return node

new = Const10().visit(SwapOps().visit(tree))
ast.fix_missing_locations(new)
exec(compile(new, "<transformed>", "exec"), {})
print(ast.unparse(new))

# A tree built from nothing.
body = [
    ast.Assign(targets=[ast.Name('y', ast.Store())], value=ast.Constant(6)),
    ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.BinOp(ast.Name('y', ast.Load()), ast.Mult(), ast.Constant(7))], [])),
    ast.FunctionDef('sq', ast.arguments([], [ast.arg('n')], None, [], [], None, []),
                    [ast.Return(ast.BinOp(ast.Name('n', ast.Load()), ast.Pow(), ast.Constant(2)))], [], None),
    ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Call(ast.Name('sq', ast.Load()), [ast.Constant(9)], [])], [])),
]
m = ast.fix_missing_locations(ast.Module(body=body, type_ignores=[]))
ns = {}
exec(compile(m, "<built>", "exec"), ns)
print(ns['y'], ns['sq'](3), ns['sq'].__code__.co_firstlineno)

e = ast.fix_missing_locations(ast.Expression(ast.BinOp(ast.Constant(2), ast.Pow(), ast.Constant(10))))
print(eval(compile(e, "<e>", "eval")))
i = ast.fix_missing_locations(ast.Interactive([ast.Expr(ast.Constant('shown'))]))
exec(compile(i, "<i>", "single"))

t = ast.parse("a = 1\nb = 2")
ast.increment_lineno(t, 5)
print([(n.lineno, n.end_lineno) for n in t.body])
code = compile(t, "<inc>", "exec")
print(code.co_firstlineno, [l for _, _, l in code.co_lines() if l is not None][:3])

# Positions survive into tracebacks of compiled trees.
t = ast.parse("x = 1\ny = x / 0\n")
try:
    exec(compile(t, "<pos>", "exec"), {})
except ZeroDivisionError as err:
    tb = err.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("line", tb.tb_lineno)

print([type(n).__name__ for n in ast.walk(ast.parse("f(x)"))])
print(list(ast.iter_fields(ast.parse("x = 1").body[0]))[1][0])
print([type(n).__name__ for n in ast.iter_child_nodes(ast.parse("a + b", mode='eval').body)])
print(ast.get_source_segment("x = (1 +\n   2)", ast.parse("x = (1 +\n   2)").body[0].value))
