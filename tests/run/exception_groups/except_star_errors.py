for src in (
    "try:\n    raise ValueError\nexcept* ExceptionGroup:\n    pass\n",
    "try:\n    raise ValueError\nexcept* (ValueError, BaseExceptionGroup):\n    pass\n",
    "try:\n    pass\nexcept* ExceptionGroup:\n    pass\nprint('checked only when something is raised')\n",
):
    try:
        exec(src)
    except TypeError as e:
        print(type(e).__name__, e)

try:
    try:
        raise ExceptionGroup("g", [ValueError()])
    except* 42:
        pass
except TypeError as e:
    print(type(e).__name__, e)

for src in (
    "for x in []:\n    try:\n        pass\n    except* ValueError:\n        break\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\nexcept KeyError:\n    pass\n",
    "try:\n    pass\nexcept*:\n    pass\n",
):
    try:
        compile(src, "<src>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
