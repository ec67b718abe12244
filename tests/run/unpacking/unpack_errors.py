cases = [
    "a, b = [1]",
    "a, b = [1, 2, 3]",
    "a, *b, c = [1]",
    "a, b = 5",
    "a, b = None",
    "[a] = []",
    "a, b = 'abc'",
    "(a, b), c = [1, 2]",
]
for src in cases:
    try:
        exec(src, {})
        print("ok", src)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

def gen():
    print("gen start")
    yield 1
    yield 2
    print("gen exhausted")
a, b = gen()
print(a, b)
try:
    x, = gen()
except ValueError as e:
    print(type(e).__name__, e)
for src in ("a, *b, *c = [1, 2]", "*a = [1]", "a, *b = *c", "del *a", "(*a) = 1"):
    try:
        compile(src, "<u>", "exec")
        print("compiled", src)
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
