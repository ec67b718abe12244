# Constant nodes made by hand and compiled: ints of every size, tuples of
# constants (as an optimizer would fold them), strings, bytes, floats.
import ast

def ev(value, **kw):
    node = ast.Constant(value, lineno=1, col_offset=0, **kw)
    return eval(compile(ast.Expression(node), "<const>", "eval"))

for v in [0, -5, 2 ** 47, -(2 ** 47) - 1, 2 ** 62, 999999999999999999, -(2 ** 70), 10 ** 40,
          True, False, None, ..., 1.5, -0.0, float('inf'), 2j, 'text', 'é😀', b'\x00\xff',
          (1, 'a', (2.5, None), ()), ((),)]:
    got = ev(v)
    print(repr(got), got == v or got != got, type(got).__name__)

print(ev('x', kind='u'))
t = ast.parse("print(-(2 ** 70), 10 ** 40, (1, 2))")
print(ast.dump(t.body[0].value.args[0]))
exec(compile(t, "<p>", "exec"))
for bad in [[1], {1: 2}, {1}, bytearray(b'x'), object, 1 == 1.0 and print]:
    try:
        ev(bad)
    except TypeError as e:
        print(type(e).__name__, e)
