for s, b in [("ff", 16), ("0xff", 16), ("0xff", 0), ("0o17", 0), ("0b101", 0), ("101", 2), (" -42 ", 10), ("1_000", 10), ("z", 36), ("010", 0), ("0", 0), ("00", 0), ("12", 3), ("0x_f", 16), ("1__0", 10), ("", 10), ("٣", 10)]:
    try:
        print(repr(s), b, int(s, b))
    except ValueError as e:
        print(repr(s), b, "ValueError", e)
for args in [(5, 2), ("1", 1), ("1", 37)]:
    try:
        int(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(int("12", base=8), int(x=3) if False else 0)
