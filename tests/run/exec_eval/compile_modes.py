c = compile("x = 5", "<s>", "exec")
print(type(c).__name__, c.co_name, c.co_filename)
c = compile("x + 1", "<e>", "eval")
print(eval(c, {"x": 1}))
c = compile("x * 2", "<i>", "single")
exec(c, {"x": 21})
exec(compile("'repr shown in single mode'", "<i>", "single"))
exec(compile("None", "<i>", "single"))
for src, mode in (("x = 1", "eval"), ("1\n2", "single"), ("", "exec"), ("pass", "bad")):
    try:
        compile(src, "<m>", mode)
        print("ok", mode)
    except (SyntaxError, ValueError) as e:
        print(type(e).__name__, e.msg if isinstance(e, SyntaxError) else e)
import ast
tree = ast.parse("y = 3 * 4")
exec(compile(tree, "<ast>", "exec"), ns := {})
print(ns["y"])
print(compile("1", "<d>", "exec", dont_inherit=True).co_consts)
try:
    compile("x", "<t>", "exec", flags=1 << 30)
except ValueError as e:
    print(type(e).__name__, e)
try:
    compile("a\0b", "<n>", "exec")
except (SyntaxError, ValueError) as e:
    print(type(e).__name__, e)
