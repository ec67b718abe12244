# compile()/eval()/exec() warnings go through the warnings module: invalid
# escapes are DeprecationWarnings, "is" with a literal a SyntaxWarning;
# the 'error' filter turns them into SyntaxError at the literal.
import warnings


def show(src, category, action):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter(action, category=category)
        try:
            compile(src, "<string>", "exec")
            print("compiled", [(x.category.__name__, str(x.message), x.filename, x.lineno) for x in w])
        except SyntaxError as exc:
            print("SyntaxError", exc.msg, exc.filename, exc.lineno, exc.offset, len(w))


show("'''\\\n\\z'''", DeprecationWarning, "always")
show("'''\n\\z'''", DeprecationWarning, "error")
show("x = '\\777'", DeprecationWarning, "always")
show("x = b'\\q'", DeprecationWarning, "error")
show("'\\e' $", DeprecationWarning, "always")
show("x = 1\nif x is 1: pass", SyntaxWarning, "always")
show("x = 1\nif x is 1: pass", SyntaxWarning, "error")
show("assert (x, 'msg')", SyntaxWarning, "error")
show("f'{1}\\d'", DeprecationWarning, "always")
try:
    print >> None
except TypeError as e:
    print(e)
for src in ["try:\n    pass\nexcept* Exception:\n    break",
            "for i in range(5):\n    try:\n        pass\n    except* Exception:\n        continue"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print(e.msg, e.lineno)
