# The compiler's SyntaxErrors for patterns, with CPython's messages and
# positions (start and end), in the order CPython finds them.
srcs = [
 "match x:\n    case __debug__:\n        pass\n",
 "match x:\n    case C(__debug__=1):\n        pass\n",
 "match x:\n    case {1: _, 1.0: _}:\n        pass\n",
 "match x:\n    case {True: _, 1: _}:\n        pass\n",
 "match x:\n    case {-0.0: _, 0: _}:\n        pass\n",
 "match x:\n    case {1: a, 2: [a]}:\n        pass\n",
 "match x:\n    case [a, [b, a]]:\n        pass\n",
 "match x:\n    case (a | b) as c:\n        pass\n",
 "match x:\n    case [(1 as a) | (2 as b)]:\n        pass\n",
 "match x:\n    case [a, (b, c) | (c, b)] | [a, b, c]:\n        pass\n",
 "match x:\n    case {**__debug__}:\n        pass\n",
 "match x:\n    case [*__debug__]:\n        pass\n",
 "match x:\n    case [a, *_] | [*_, a] | a:\n        pass\n    case 1:\n        pass\n",
 "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
 "match x:\n    case (x as y) as z:\n        pass\n    case 1:\n        pass\n",
 "match x:\n    case 1 | x as y:\n        pass\n    case 1:\n        pass\n",
 "match x:\n    case a if a:\n        pass\n    case b:\n        pass\n    case c:\n        pass\n",
 "match x:\n    case {'a': 1, **r, }:\n        pass\n",
 "match x:\n    case {1j: _, 1j: _}:\n        pass\n",
 "match x:\n    case {b'a': _, b'a': _}:\n        pass\n",
 "match x:\n    case {None: _, None: _}:\n        pass\n",
 "match x:\n    case {'\\n': _, '\\n': _}:\n        pass\n",
 "match x:\n    case {1+2j: _, 1+2j: _}:\n        pass\n",
 "match x:\n    case C(a=1, b=2, a=3):\n        pass\n",
 "match x:\n    case [a, b, *c, d, e] | [a, b, c, d, e]:\n        pass\n",
 "def f():\n    match x:\n        case a:\n            pass\n        case b:\n            pass\n",
]
for src in srcs:
    try:
        compile(src, "<m>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
