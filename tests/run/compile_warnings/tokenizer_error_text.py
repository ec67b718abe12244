# compile(): a tokenizer error's text is its line without the newline in
# every mode (a parser error's keeps it in exec mode); an error code met
# only while the rest is tokenized (a dedent, tabs, a continuation
# character) leaves the parser's "invalid syntax".
cases = [
    "x = 1\n\ufeffy = 2\n", "x = \ufeff1\n", 'x = """\nab\n',
    'x = "ab\n', "x $ 1\n", "x = (1,\n", "if x:\n  a\n b\n", "x = 1 +\nif x:\n  a\n b\n",
    "x = 1 +\nif x:\n  a\n\tb\n", "x = 1 +\ny = 2 \\ 3\n", "x = (1 +\ny = 2 \\ 3\n",
]
for src in cases:
    for mode in ["exec", "eval", "single"]:
        try:
            compile(src, "<t>", mode)
            print(mode, repr(src), "compiled")
        except SyntaxError as e:
            print(mode, repr(src), type(e).__name__, e.msg, e.args[1][1:])

for mode in ["exec", "eval"]:
    try:
        compile("x = 1\r\n\ufeffy\r\n", "<t>", mode)
    except SyntaxError as e:
        print(mode, "CRLF", e.msg, e.args[1][1:])
