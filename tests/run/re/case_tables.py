# _sre's case helpers over every code point (CPython's
# _PyUnicode_ToLowercase/_PyUnicode_ToUppercase, first code point of the
# full mapping), and what re.IGNORECASE makes of each character.
import _sre
import re

changed = cased = 0
h = 0
for c in range(0x110000):
    lo = _sre.unicode_tolower(c)
    if lo != c:
        changed += 1
        h = (h * 31 + c * 7 + lo) % 1000000007
    if _sre.unicode_iscased(c):
        cased += 1
        h = (h * 17 + c) % 1000000007
print(changed, cased, h)
print([hex(c) for c in range(0x110000) if _sre.unicode_iscased(c) and _sre.unicode_tolower(c) == c][::97])

# Characters that match another case-insensitively through re._casefix.
p = re.compile('(?i)[\u1c80-\u1c88\u1e9b\u1fbe\u0345\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\ufb05\u0131\u017f]')
print([hex(c) for c in range(0x110000) if p.match(chr(c))])
