# Literals, sets and categories: LITERAL, NOT_LITERAL, ANY, ANY_ALL, IN with
# LITERAL/RANGE/CHARSET/BIGCHARSET/CATEGORY/NEGATE, over str and bytes.
import re

patterns = [
    'a', 'abc', '[^a]', '.', '(?s).', '[abc]', '[^abc]', '[a-f]+', '[^a-f]+', '[a-cx-z0-3_]+', '[-a]', '[a-]', '[]]',
    r'[\]x]', r'[\\]', r'\.', r'\d+', r'\D+', r'\s+', r'\S+', r'\w+', r'\W+', r'[\d\s]+', r'[^\w\s]+', r'[\D]', r'[^\S]',
    r'(?a)\w+', r'(?a)\d', r'(?a)\s', r'[\x00-\x1f]+', r'[^\x00-\x7f]+', 'é', '[éè]+', '[à-ÿ]+', '[^à-ÿ]+',
    '[\u0100-\u024f]+', '[\u0400-\u04ff\u3040-\u309f]+', '[^\u0400-\u04ff]+', '[\U0001f600-\U0001f64f]+',
    '[a\U0001f600]', '\U0001f600.', '[\u4e00-\u9fff]+', r'[\u2000-\u200a\u3000]', r'\n', '[^\n]+', r'a.c',
]
subjects = ['', 'abc', 'xyz 012', 'a-b]c\\d.e', ' \t\n\r\x0b\x0c\x1c x', 'éèêë àÿ', 'Ѐжぁ 中文 x', '\U0001f600\U0001f64fa',
            '\u2003\u3000\xa0', '١٢٣ ४५ ８９', 'ĀāŻż', 'a\nc abc', 'x_y-z', '\x00\x7f\x80']

for pat in patterns:
    p = re.compile(pat)
    out = []
    for s in subjects:
        out.append((p.findall(s), p.search(s) and p.search(s).span()))
    print(repr(pat), out)

for pat in [rb'[\x80-\xff]+', rb'\w+', rb'\s', rb'[^a-z]+', rb'.', rb'\d\D']:
    p = re.compile(pat)
    print(repr(pat), [p.findall(s) for s in [b'', b'abc 123', bytes(range(120, 140)), b'\xff\xfe z', bytearray(b'a1 b2')]])
