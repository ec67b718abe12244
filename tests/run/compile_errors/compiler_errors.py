cases = [
    "return 1\n",
    "yield 1\n",
    "class C:\n    yield 1\n",
    "await x\n",
    "def f():\n    await x\n",
    "def f():\n    async for x in y:\n        pass\n",
    "def f():\n    async with x:\n        pass\n",
    "def f():\n    [x async for x in y]\n",
    "break\n",
    "continue\n",
    "for x in y:\n    def f():\n        break\n",
    "while True:\n    class C:\n        continue\n",
    "async def f():\n    yield from g()\n",
    "async def f():\n    x = [(yield) for _ in y]\n",
    "def f():\n    x = [(yield) for _ in y]\n",
    "try:\n    pass\nfinally:\n    continue\n",
    "for x in y:\n    try:\n        pass\n    finally:\n        continue\n",
    "def f():\n    from os import *\n",
    "from __future__ import braces\n",
    "from __future__ import nonsense\n",
    "x = 1\nfrom __future__ import annotations\n",
    "f(**x, *y)\n",
    "f(a=1, a=2)\n",
    "def f():\n    return\n    yield\nasync def g():\n    return 1\n    yield\n",
]
for src in cases:
    try:
        compile(src, "<c>", "exec")
        print("compiled:", src.replace("\n", " | "))
    except SyntaxError as e:
        print(f"{type(e).__name__}: {e.msg} (line {e.lineno}, offset {e.offset}, end {e.end_lineno}:{e.end_offset})")
