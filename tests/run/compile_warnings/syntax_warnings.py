# The compiler's SyntaxWarnings: printed once per occurrence when the
# program is compiled, before it runs; the code then runs as written.
x = 5
print("start")
print(x is 5, x is not "a", None is x, x is ..., True is not x)
print(1 < x is (1, 2), -1 is x, x is b"", x is 1.5, x is 2j)
try:
    (1)()
except TypeError as e:
    print("TypeError", e)
calls = [lambda: [1, 2](), lambda: {1: 2}(), lambda: f"x"(), lambda: (x for x in ())(), lambda: {1}()]
subs = [lambda: {1}[0], lambda: (1, 2)["a"], lambda: "abc"[1.5], lambda: [1][(1, 2)], lambda: None[0],
        lambda: (lambda: 0)[1], lambda: "abc"[1], lambda: (1, 2)[x - 4], lambda: [1][::2]]
for f in calls + subs:
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
try:
    assert (x == 6, "message")
    print("assert passed")
except AssertionError:
    print("AssertionError")
if x is 5:
    print("if with a literal")
src = "y = 1\nz = y is 'q'\nw = (2)()\n"
try:
    code = compile(src, "<dynamic>", "exec")
    exec(code, {})
except TypeError as e:
    print("TypeError", e)
