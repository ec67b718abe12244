# The format-spec mini-language for str, and format() of other objects.
for s in ["", "abc", "héllo", "☕x"]:
    print([format(s, spec) for spec in ["", "s", "5", ">5", "^6", "*<7", "é^7", ".2", "8.1",
                                        "05", "<05", ">>5", "^^4"]])
for spec in ["+", " ", "#", "z", "=5", "d", ",", "_", "x", "3.1.1"]:
    try:
        print(repr(format("abc", spec)))
    except ValueError as e:
        print(type(e).__name__, e)

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        return f"${self.cents / 100:{spec or '.2f'}}"

class Plain:
    def __str__(self):
        return "plain!"

class Bad:
    def __format__(self, spec):
        return 42

m = Money(12345)
print(format(m), format(m, ">12,.2f"), f"{m}|{m:.1f}|{m!s:.3}", "{:_.0f}".format(m))
print(format(Plain()), f"{Plain()}", format(None), format([1, 2]), format((1,), ""))
print(format(ValueError("boom")), object.__format__(Plain(), ""), (5).__format__("03"))
print(int.__format__(255, "x"), float.__format__(0.5, ".0%"), str.__format__("ab", ">4"))
for call in [lambda: format(Plain(), "x"), lambda: format(None, ">5"), lambda: format(Bad()),
             lambda: format(1, 2), lambda: format(), lambda: format(1, "", 3),
             lambda: format(1, format_spec="x"), lambda: (5).__format__(1),
             lambda: (5).__format__(), lambda: object().__format__("s"),
             lambda: f"{Plain():>5}", lambda: int.__format__(1.5, "")]:
    try:
        print(repr(call()))
    except TypeError as e:
        print(type(e).__name__, e)
