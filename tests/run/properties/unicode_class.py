# The str predicates over every code point 0..0x10FFFF (lone surrogates
# too), printed as run-length ranges of the code points where each holds
# ("start-end" in hex), with the number of code points it holds for; then
# a few multi-character strings.
import sys

chars = [chr(i) for i in range(0x110000)]
preds = ["isalpha", "isdecimal", "isdigit", "isnumeric", "isspace", "isprintable",
         "isidentifier", "isupper", "islower", "istitle", "isalnum", "isascii"]

def ranges(flags):
    out = []
    i = flags.find(1)
    while i != -1:
        j = flags.find(0, i)
        if j == -1:
            j = len(flags)
        out.append("%x-%x" % (i, j - 1) if j - 1 > i else "%x" % i)
        i = flags.find(1, j)
    return out

for name in preds:
    flags = bytes(map(getattr(str, name), chars))
    rs = ranges(flags)
    print(name, flags.count(1), len(rs))
    for k in range(0, len(rs), 12):
        print(" ", " ".join(rs[k:k + 12]))

# isidentifier's continue characters: "a" + c
flags = bytes(map(str.isidentifier, ["a" + c for c in chars]))
rs = ranges(flags)
print("identifier continue", flags.count(1), len(rs))
for k in range(0, len(rs), 12):
    print(" ", " ".join(rs[k:k + 12]))

for s in ["", "abc", "aBc", "ABC", "Abc Def", "Abc def", "ǅungla", "A1", "1", "١٢٣", "½", "Ⅻ",
          " \t\n\x1c\x85\xa0\u2028", "a b", "_x9", "9x", "x\u200d", "\x7f", "é", "Ab\ud800",
          "ABC\u02b0", "\u02b0", "ᾈ", "ᾈa", "ᾈA", "Σ", "xΣ", "𝔘𝔫𝔦", "\U0001d7ce\U0001d7cf"]:
    print(repr(s), [getattr(s, p)() for p in preds])
