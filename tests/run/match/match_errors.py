for src in (
    "match x:\n    case a:\n        pass\n    case b:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case [a] | [b]:\n        pass\n",
    "match x:\n    case _ as _:\n        pass\n",
    "match x:\n    case {**rest, 'k': 1}:\n        pass\n",
    "match x:\n    case Point(x=1, x=2):\n        pass\n",
    "match x:\n    case -x:\n        pass\n",
    "match x:\n    case 1 + 1:\n        pass\n",
    "match x:\n    case a | _:\n        pass\n",
    "match x:\n    case [*a, *b]:\n        pass\n",
):
    try:
        compile(src, "<match>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
match = [1, 2]
case = "soft keywords are still names"
print(match, case)
match match:
    case [1, _]:
        print("matched a variable named match")
