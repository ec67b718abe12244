# The node classes: hierarchy, _fields, construction and its errors.
import ast

print(ast.AST._fields, ast.AST._attributes, ast.AST.__mro__[-1].__name__)
print(ast.BinOp._fields, ast.BinOp.__match_args__, ast.expr._attributes)
print(ast.arguments._fields, ast.arguments._attributes, ast.keyword._attributes)
print(ast.Load._fields, ast.Add.__mro__[1].__name__, ast.Add.__mro__[2].__name__)
print(ast.FunctionDef.__bases__[0].__name__, ast.stmt.__bases__[0].__name__, ast.mod.__bases__[0].__name__)
print(ast.Constant.__doc__)
print(ast.cmpop.__doc__)
print(ast.AST.__module__, ast.Name.__module__, ast.Name.__name__, ast.Name.__qualname__)
print(ast.Constant.kind, ast.expr.end_lineno, ast.arguments.vararg, hasattr(ast.Name, 'id'))

n = ast.Name('x', ast.Load(), lineno=3)
print(n.id, type(n.ctx).__name__, n.lineno, n.end_lineno, sorted(n.__dict__))
try:
    n.col_offset
except AttributeError as e:
    print('AttributeError', e)
b = ast.BinOp(left=ast.Constant(1), op=ast.Add(), right=ast.Constant(2), extra='ok')
print(b.extra, ast.dump(b))
print(ast.dump(ast.Constant()), ast.dump(ast.Name()))

for args, kwargs in [((1, 2, 3), {}), ((1,), {'id': 2}), ((), {}), ((1, 2), {'ctx': 3})]:
    try:
        node = ast.Name(*args, **kwargs)
        print('ok', ast.dump(node))
    except TypeError as e:
        print('TypeError', e)
try:
    ast.Pass(1)
except TypeError as e:
    print('TypeError', e)
try:
    ast.Constant(1, 'u', 3)
except TypeError as e:
    print('TypeError', e)

print(ast.Constant(5).__reduce__()[1:], ast.Pass().__reduce__()[1:])
print(ast.Load() is ast.Load(), isinstance(ast.Load(), ast.expr_context), isinstance(ast.Name(), ast.expr))
print(issubclass(ast.Num, ast.Constant), isinstance(ast.Constant(1), ast.Num), isinstance(ast.Constant('s'), ast.Num))
print(ast.Constant(3).n, ast.Constant('t').s)

class MyName(ast.Name):
    _fields = ('id', 'ctx', 'note')
m = MyName('v', ast.Load(), 'hi')
print(m.note, isinstance(m, ast.Name), ast.dump(m))

match ast.parse("x + 1", mode="eval").body:
    case ast.BinOp(ast.Name(id=name), ast.Add(), ast.Constant(value=v)):
        print('matched', name, v)

import copy
t = ast.parse("a = [1, 2]")
t2 = copy.deepcopy(t)
print(ast.dump(t2) == ast.dump(t), t2.body[0] is not t.body[0])
print(sorted(k for k in dir(ast) if k.startswith('PyCF_')), ast.PyCF_ONLY_AST)
