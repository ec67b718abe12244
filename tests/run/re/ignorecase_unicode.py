# IGNORECASE: Unicode (LITERAL_UNI_IGNORE, IN_UNI_IGNORE, RANGE_UNI_IGNORE,
# GROUPREF_UNI_IGNORE and re._casefix's extra cases), ASCII, and the
# characters whose case mappings are special.
import re

cases = [
    ('(?i)abc', 'ABC abc AbC'), ('(?i)[a-c]+', 'ABCabc'), ('(?i)σ', 'ΣσςΣ'), ('(?i)[σ]+', 'ΣσςΣ'), ('(?i)ς', 'Σσς'),
    ('(?i)ß', 'ßẞSS'), ('(?i)[ß]', 'ẞ'), ('(?i)ẞ', 'ß'), ('(?i)k', 'k\u212aK'), ('(?i)[^k]', '\u212a'), ('(?i)\u212a', 'kK'),
    ('(?i)ǆ+', 'ǄǅǆDž'), ('(?i)[ǆ-ǆ]', 'Ǆ'), ('(?i)ǅ', 'ǆ'), ('(?i)ﬀ', 'FF ﬀ'), ('(?i)ﬅ', 'ﬆ'), ('(?i)i', 'İıIi'),
    ('(?i)[i]', 'İıIi'), ('(?i)ı', 'Iiı'), ('(?i)İ', 'iİ'), ('(?i)µ', 'μΜµ'), ('(?i)[a-z]', 'K\u212aſ'), ('(?ia)[a-z]+', 'K\u212aſ'),
    ('(?i)\u0345', 'ιΙ\u1fbe\u0345'), ('(?i)θ', 'ϑΘθϴ'), ('(?i)ω', 'Ω\u2126ω'), ('(?i)å', 'Å\u212bå'),
    ('(?i)(.)\\1', 'aAkK\u212akxX'), ('(?i)(.)\\1', 'σςΣ'), ('(?i)[^\u0100-\u017f]+', 'ĀāAa'), ('(?i)[\u0400-\u04ff]+', 'ЖжЁё'),
    ('(?i)[\U00010400-\U0001044f]+', '\U00010400\U00010428'), ('(?i)\U00010400', '\U00010428'), ('(?i)[\U00010428]', '\U00010400'),
    ('(?i)[\U00010400-\U00010410\u0400]+', '\U00010428\U00010438ѐЀ'), ('(?i)[^a]', 'Aa'), ('(?i)[^\u212a]', 'kK\u212a'),
    ('(?i)ᾳ', 'ᾼ\u1fb3'), ('(?i)[ᾀ-ᾇ]+', 'ᾈᾉ\u1f80'), ('(?i)ǰ', 'ǰJ̌'), ('(?i)ⓐ', 'Ⓐⓐ'), ('(?i)\w+', 'ÀÉÎ àéî'),
    ('(?i)[à-ÿ]+', 'ÀÉÎ àéî ÿŸ'), ('(?i)[^à-ÿ]+', 'ÀÉÎ àéî ÿŸ'), ('(?ai)[à-ÿ]+', 'ÀÉÎ àéî'), ('(?ai)é', 'É'),
]
for pat, s in cases:
    p = re.compile(pat)
    print(ascii(pat), ascii(s), ascii(p.findall(s)), ascii(p.sub('_', s)), p.fullmatch(s) is not None)

# Every code point against a few case-insensitive sets.
for pat in ['(?i)[a-z]', '(?i)[\u00e0-\u00ff]', '(?i)[\u0370-\u03ff]', '(?i)[\u0400-\u04ff]', '(?i)[\U00010400-\U0001044f]',
            '(?i)[^\x00-\u024f]', '(?i)k', '(?i)s', '(?i)[ſ]']:
    p = re.compile(pat)
    hits = [c for c in range(0x110000) if p.match(chr(c))]
    print(ascii(pat), len(hits), sum(hits) % 1000003, [hex(c) for c in hits[:12]])
