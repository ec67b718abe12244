# Errors that the compiler's symbol table raises, not the parser.
cases = [
    "def f(x):\n    global x\n",
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(x)\n    global x\n",
    "nonlocal x\n",
    "def f():\n    nonlocal x\n",
    "def f(a):\n    def g():\n        nonlocal a\n        global a\n",
    "def f(a):\n    nonlocal a\n",
    "class C:\n    nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n",
    "def f(a, a):\n    pass\n",
    "lambda a, a: 1\n",
    "def f(*, a, a=1):\n    pass\n",
    "def f(**kw):\n    def g():\n        nonlocal kw\n        kw = 1\n    return g\n",
]
for src in cases:
    try:
        compile(src, "<sym>", "exec")
        print("compiled:", src.replace("\n", " | "))
    except SyntaxError as e:
        print(f"{type(e).__name__}: {e.msg} (line {e.lineno}, offset {e.offset}, end {e.end_lineno}:{e.end_offset})")
