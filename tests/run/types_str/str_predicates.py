# The is* predicates with Unicode 14.0 properties; lone surrogates have none.
samples = ["abc", "ABC", "Abc", "aBc", "Ab Cd", "AB cd", "ǅ", "ǅa", "aǅ", "123", "١٢٣", "²", "½",
           "一二", "Ⅻ", "x1", "  ", " \t\n\x1c\u3000", "\u200b", "", "é", "ß", "ª", "_id", "1id",
           "ℕat", "a\u0301", "Σ", "\x7f", "\xa0", "☕", "\ud800", "a\ud800", "𝔘", "ǈ ǋ", "ﬁ"]
names = ["isalpha", "isalnum", "isdecimal", "isdigit", "isnumeric", "isspace", "isupper",
         "islower", "istitle", "isidentifier", "isascii", "isprintable"]
for s in samples:
    print(repr(s), "".join("1" if getattr(s, n)() else "." for n in names))
for n in names:
    try:
        getattr("a", n)(1)
    except TypeError as e:
        print(type(e).__name__, e)
