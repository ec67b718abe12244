# The format-spec mini-language for ints (bool and big ints included).
values = [0, 7, -7, 255, -255, 1234567, -1234567, 2 ** 64, -(2 ** 100), True, False]
specs = ["", "d", "5", "<8", ">8", "^9", "=8", "*^9", "08", "+", " ", "-", "+08", " 8",
         ",", "_", "010,", "09,", "08,", "x", "X", "#x", "#X", "o", "#o", "b", "#b", "_b",
         "#_x", "_o", "#010x", "n", "e", ".2f", "%", ".1%", "g", ">+12_", "0=12,"]
for v in values:
    print(repr(v)[:12], [format(v, s) for s in specs])
print(format(65, "c"), format(0x263A, "^5c"), format(97, "05c"), format(10 ** 30, ",d"))
print(f"{42:{'>'}{6}}|{42:#{'x'}}|{-42:{'0'}{8}}|{1234:{','}}")
bad = [(1, ".2"), (1, "z"), (1, "q"), (1, ",x"), (1, ",_"), (1, "_,"), (1, ",,"), (1, "__"),
       (1, "+c"), (1, "#c"), (-1, "c"), (0x110000, "c"), (2 ** 70, "c"), (1, "5.2.3"),
       (1, "x."), (True, "s"), (1, ",n"), (1, "é"), (1, "99999999999999999999"), (10 ** 400, "f"),
       (1, "=s"), (1, ".")]
for v, s in bad:
    try:
        print(repr(format(v, s)))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
