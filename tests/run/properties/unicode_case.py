# str case mapping over every code point 0..0x10FFFF (lone surrogates too):
# one line per code point that any of upper, lower or casefold changes,
# with each result's code points in hex ("=" where the result is the
# character itself); then final sigma and other context-dependent cases
# on multi-character strings (title, swapcase, capitalize too).
# unicode_title.py does title, swapcase and capitalize per code point.
import operator

chars = [chr(i) for i in range(0x110000)]
methods = [str.upper, str.lower, str.casefold]
changes = []  # per method: {code point: result} where the result differs
for m in methods:
    res = list(map(m, chars))
    flags = bytes(map(operator.ne, chars, res))
    found = {}
    i = flags.find(1)
    while i != -1:
        found[i] = res[i]
        i = flags.find(1, i + 1)
    changes.append(found)
    print(m.__name__, len(found))
del res

def show(i, found):
    r = found.get(i)
    return "=" if r is None else ".".join("%x" % ord(x) for x in r)

for i in sorted(set().union(*changes)):
    print("%x" % i, " ".join(show(i, found) for found in changes))

words = ["ΣΑΣ", "ΑΣ", "Σ", "ΑΣ.", "ΑΣ Α", "Α.Σ", "Α\u0345Σ", "ΑΣ\u0345", "ΑΣ\u0301Α", "ΑΣ'", "1Σ",
         "ὈΔΥΣΣΕΎΣ", "ß", "ŉ", "ǅǆǄ", "ﬃ abc", "İstanbul", "a\u0307", "hello WORLD ǉ x1y_z",
         "ΣΣ ΣΣ", "AΣb", "A\ud800Σ", "ᾼ ᾳ", "ΐ", "\U00010400\U00010428", "ǰ̌", "'hello'", "a1b2 c3"]
for w in words:
    print([w.upper(), w.lower(), w.title(), w.casefold(), w.swapcase(), w.capitalize()],
          w.isupper(), w.islower(), w.istitle())

# generated strings over characters whose mapping depends on context
import random
rng = random.Random(422)
alphabet = ["Σ", "σ", "ς", "A", "a", "'", "\u0345", "\u0301", " ", "1", "ǅ", "ß", "İ", "ﬁ", "\u00ad", ".", "ᾼ",
            "Ⅻ", "ⓐ", "\U00010400", "\ud801", "_", "ǰ", "ŉ"]
for _ in range(600):
    w = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 9)))
    print(ascii(w), ascii([w.upper(), w.lower(), w.title(), w.casefold(), w.swapcase(), w.capitalize()]),
          w.isupper(), w.islower(), w.istitle())
