# Assertions and positions: ASSERT/ASSERT_NOT (lookahead and lookbehind),
# AT codes (^ $ \A \Z \b \B, MULTILINE), pos/endpos.
import re

patterns = [
    'a(?=b)', 'a(?!b)', '(?<=a)b', '(?<!a)b', '(?<=ab)c', '(?<!ab)c', '(?=a)a', '(?!a).', '(?<=\\d{3})x', '(?<![a-z])\\d+',
    '^a', 'a$', '^$', '\\Aa', 'a\\Z', '(?m)^\\w+', '(?m)\\w+$', '(?m)^$', '$', '(?m)$', '\\Z', '^', '(?m)^',
    '\\b\\w', '\\w\\b', '\\B\\w', '\\bfoo\\b', '(?a)\\b\\w+\\b', '\\b', '\\B', 'x\\b', '(?=(\\w+))\\w', '(?<=^a)b',
    '(?m)(?<=^)\\w', '(?<=a|b)c', '(?<!a|b)c', '(?=)', '(?!)', '(?=a)*b', '(?=a){2}a', '\\b(?!an)\\w+',
]
subjects = ['', 'a', 'ab', 'ba', 'abc', 'xbc', 'aab\nab', 'foo bar\nbaz\n', '123x 12x', 'x\n', '\n\n', 'café à', 'an ant and', 'cbc acb']

for pat in patterns:
    p = re.compile(pat)
    print(repr(pat), [(p.findall(s), [m.span() for m in p.finditer(s)]) for s in subjects])

p = re.compile(r'\w+')
for pos, endpos in [(0, 3), (2, 100), (-5, 2), (4, 2), (3, 3), (100, 200), (1, -1)]:
    r = [p.match('hello world', pos, endpos), p.search('hello world', pos, endpos), p.fullmatch('hello world', pos, endpos)]
    print(pos, endpos, [m and (m.span(), m.pos, m.endpos) for m in r], p.findall('hello world', pos, endpos),
          [m.span() for m in p.finditer('hello world', pos, endpos)])
for pat in ['^l', 'l$', '\\bl', '$', '\\Z', '(?m)^']:
    print(pat, re.compile(pat).search('hello', 2), re.compile(pat).search('hello', 0, 3), re.compile(pat).findall('hello', 1, 4))
print(re.compile('').match('abc', 2, 1), re.compile('a*').match('abc', 2, 1), re.compile('$').search('abc', 2, 1))
