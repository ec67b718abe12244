# SyntaxError details for compile() in each mode: outside exec mode the
# source gets no newline, so the error text has none and an error at the
# very end has columns 0; the parser's 'no end column' is -1.
for src in ["(a,) +", "1 +\n", "f(", "a b", "a b\n", "x = 1\n", "1\n2", "(1,\n2 3)"]:
  for mode in ("eval", "single", "exec"):
    try: compile(src, "<s>", mode); print(mode, "ok")
    except SyntaxError as e: print(mode, repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
try: compile("x = 1\nif x:\n  pass\n   y\n", "<s>", "exec")
except SyntaxError as e: print(repr(e.text), e.offset, e.end_offset)
