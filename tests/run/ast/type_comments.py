# ast.parse(type_comments=True) / PyCF_TYPE_COMMENTS and mode 'func_type': type comments
# on assignments, for, with, def (same line or the body's first line) and
# parameters, '# type: ignore' tags, misplaced ones as syntax errors.
import ast
cases = [
 "x = 1  # type: int\n",
 "x = y = f()  #type:List[int]\n",
 "for a in b:  # type: int\n    pass\n",
 "async def g():\n    async for a in b:  # type: int\n        pass\n    async with a as b:  # type: int\n        pass\n",
 "with a as b, c:  # type: int\n    pass\n",
 "with (a as b):  # type: int\n    pass\n",
 "def f(a, b):  # type: (int, int) -> int\n    return a\n",
 "def f(a, b):\n    # type: (int, int) -> int\n    return a\n",
 "def f(a,  # type: int\n      b=1,  # type: str\n      *c,  # type: x\n      d,  # type: y\n      **e  # type: z\n      ):\n    pass\n",
 "def f(a  # type: int\n      ):\n    pass\n",
 "x = 1  # type: ignore\n",
 "x = 1  # type: ignore[foo]  \n",
 "# type: ignore\nx = 1\n",
 "x = 1  # type: ignored\n",
 "x = 1  # type: ignore-this\n",
 "x + 1  # type: int\n",
 "x: int = 1  # type: int\n",
 "x = 1\n# type: int\ny = 2\n",
 "def f():  # type: () -> None\n    # type: () -> None\n    pass\n",
 "if x:  # type: int\n    pass\n",
 "x += 1  # type: int\n",
 "lambda: 1  # type: ignore\n",
 "x = (1,  # type: ignore\n  2)\n",
 "class A:  # type: ignore\n    x = 1  # type: int\n",
 "import os  # type: ignore # noqa\n",
 "x = [  # type: int\n 1]\n",
 "def f(\n  a,  # type: int\n):\n    pass\n",
 "def f(*, a  # type: int\n):\n    pass\n",
 "def f(a, /, b  # type: int\n):\n    pass\n",
 "x = 1 # type:   int   \n",
 "x = 1 #    type  : int\n",
 "x = 1 # type: \n",
]
for src in cases:
    try:
        t = ast.parse(src, type_comments=True)
        print(ast.dump(t, include_attributes=True))
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
for src in ["(int, str) -> int", "() -> None", "(*int) -> x", "(a, *b, **c) -> d", "(**a) -> b", "(a,) -> b", "x -> y", "(a) -> b\n\n"]:
    try:
        print(ast.dump(ast.parse(src, mode='func_type'), include_attributes=True))
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
print(ast.dump(ast.parse("x = 1  # type: int\n")))
c = compile("x = 1  # type: int\n", "<s>", "exec", ast.PyCF_TYPE_COMMENTS); print(type(c).__name__)
try: compile("x + 1  # type: int\n", "<s>", "exec", ast.PyCF_TYPE_COMMENTS)
except SyntaxError as e: print("SyntaxError", e.msg)
