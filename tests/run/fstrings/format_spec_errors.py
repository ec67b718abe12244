cases = [
    lambda: f"{1:z}",
    lambda: f"{'s':d}",
    lambda: f"{1.5:d}",
    lambda: f"{1:,s}",
    lambda: f"{'s':,}",
    lambda: f"{1:{'>'}{'<'}}",
    lambda: f"{1:.2.3}",
    lambda: f"{[]:x}",
    lambda: f"{None:>5}",
    lambda: format(1, "=s"),
    lambda: f"{10**400:f}" and f"{1e400:f}",
    lambda: f"{'a':=5}",
    lambda: "{0} {1}".format(1),
    lambda: "{a}".format(b=1),
    lambda: "{} {0}".format(1, 2),
    lambda: "{0!x}".format(1),
    lambda: "{".format(1),
]
for c in cases:
    try:
        print(repr(c()))
    except (ValueError, TypeError, IndexError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
for src in ('f"{}"', 'f"{!r}"', 'f"{x!z}"', 'f"{x:{y:{z}}}"', 'f"{"', 'f"}"', 'f"{x=!}"'):
    try:
        compile(src, "<f>", "eval")
        print("compiled", src)
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
