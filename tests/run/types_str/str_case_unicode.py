# Case mapping (full Unicode: ß, İ, ligatures, final sigma, titlecase
# digraphs) and padding methods.
words = ["hello World", "ßtraße", "İstanbul", "ﬁne ﬂow", "ǆungla ǅ Ǆ", "ΣΑΣ ΟΔΟΣ", "Σ", "AΣ'", "aΣb",
         "ΜΆΪΟΣ.", "they're bill's", "123abc déf", "ŉ", "ǰ", "ᾳ", "Ω", "\ud800x", ""]
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.title()), repr(w.capitalize()),
          repr(w.swapcase()), repr(w.casefold()))
for w in ["ab", "é☕", ""]:
    print([w.center(n) for n in (-1, 0, 3, 4, 5, 6)], w.center(7, "·"), w.ljust(5, "*"), w.rjust(5, "☕"))
print("42".zfill(5), "-42".zfill(5), "+4".zfill(4), "-".zfill(3), "abc".zfill(2), "".zfill(3), "é".zfill(3))
print(repr("a\tb\tc".expandtabs()), repr("ab\tc\n\td".expandtabs(4)), repr("x\ty".expandtabs(0)),
      repr("x\ty".expandtabs(-1)), repr("\t".expandtabs(tabsize=2)), repr("é\t|".expandtabs(3)))
bad = [lambda: "a".upper(1), lambda: "a".lower(x=1), lambda: "a".center(), lambda: "a".center("5"),
       lambda: "a".center(5, 1), lambda: "a".center(5, "ab"), lambda: "a".ljust(5, ""),
       lambda: "a".rjust(1, 2, 3), lambda: "a".center(2 ** 70), lambda: "a".zfill(),
       lambda: "a".zfill("3"), lambda: "a".expandtabs("4"), lambda: "a".expandtabs(x=4),
       lambda: "a".expandtabs(1, 2)]
for b in bad:
    try:
        print(repr(b()))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
