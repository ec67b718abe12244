# ast.literal_eval: the values it accepts and the errors it raises.
import ast
import re

def shown(e):
    """The message without an object's address."""
    return re.sub(r" at 0x[0-9a-f]+", " at ADDR", str(e))

GOOD = [
    "1", "-1", "+2", "1.5", "-2.5e10", "1j", "1+2j", "-3-4j", "'s'", "b'b'", "u'x'",
    "True", "None", "...", "[1, [2, 3]]", "(1,)", "()", "{1: 'a', 'b': (2,)}", "{1, 2}",
    "set()", "  7", "'a' 'b'", "0x1f", "10**2" if False else "100",
    "{'nested': [{'deep': None}]}", "-0.0", "1_000",
]
for src in GOOD:
    v = ast.literal_eval(src)
    print(repr(src), '->', type(v).__name__, repr(v))

BAD = ["x", "1 + x", "f()", "[1, y]", "{**a}", "a.b", "2 ** 3", "1 + 2 + 3j", "-'s'",
       "{1: 2, 3}", "lambda: 0", "1 if 2 else 3", "set([1])", "(1, 2"]
for src in BAD:
    try:
        print(repr(src), ast.literal_eval(src))
    except (ValueError, SyntaxError, TypeError) as e:
        print(repr(src), type(e).__name__, shown(e))

print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.Constant(5)))
try:
    ast.literal_eval(ast.Name('x', ast.Load()))
except ValueError as e:
    print(shown(e))
