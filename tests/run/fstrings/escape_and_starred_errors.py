# A backslash before an f-string's `{` is an invalid escape (a
# DeprecationWarning, before the literal's own); `(**x)` and `{**x}` in an
# f-string are "cannot use double starred expression here".
import warnings

for src in [r"f'\{6*7}'", r"f'a\{x}'", r"f'\d\{x}'", r"'\d' f'\{x}'", r"rf'\{x}'", r"f'\\{x}'"]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = eval(src, {"x": 1})
    print(src, repr(value), [(w.category.__name__, str(w.message)) for w in caught])

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    compile(r"f'{x:\{x}}'", "<spec>", "eval")
print("in a format spec:", [str(w.message) for w in caught])

with warnings.catch_warnings():
    warnings.simplefilter("error", DeprecationWarning)
    try:
        compile(r"f'\{x}'", "<e>", "eval")
    except SyntaxError as e:
        print("as error:", e.msg)

for src in ["f'{*a}'", "f'{**a}'", "f'{**a, b}'", "f'{x, **a}'", "(**a)", "x = (**a)", "(**a, b)", "(** a + b)"]:
    try:
        compile(src, "?", "exec")
        print(src, "compiled")
    except SyntaxError as e:
        print(src, e.msg, e.lineno, e.offset, e.end_offset)
