# A number run into a keyword: the tokenizer's SyntaxWarning (not a
# DeprecationWarning), an error when warnings are errors; a number followed
# by a character that is no identifier character is the tokenizer's
# "invalid character" in every compile() mode.
import warnings

for src in ["0xfor x", "0xfin x", "1in x", "1.if x else y", "[0xffor x in ()]", "1jif x else y"]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compile(src, "<w>", "eval")
    for w in caught:
        print(repr(src), w.category.__name__, w.message, w.filename, w.lineno)
    with warnings.catch_warnings():
        warnings.simplefilter("error", SyntaxWarning)
        try:
            compile(src, "<w>", "eval")
        except SyntaxError as e:
            print("  as error:", e.msg, e.lineno, e.offset)

for src in ["0xfand x", "0or x", "9spam"]:
    try:
        compile(src, "<w>", "eval")
    except SyntaxError as e:
        print(repr(src), e.msg, e.offset)

for mode in ["eval", "single", "exec"]:
    for src in ["1\u20447", "0b1\u20447", "x \u2044", "x \u2044 y", "(x\u2044", "x\n\u2044"]:
        try:
            compile(src, "<m>", mode)
            print(mode, repr(src), "compiled")
        except SyntaxError as e:
            print(mode, repr(src), e.msg, e.lineno, e.offset)
