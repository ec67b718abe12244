# Groups and references: MARK, GROUPREF(_IGNORE), GROUPREF_EXISTS, named
# groups, what a group captures after backtracking, lastindex/lastgroup.
import re

patterns = [
    '(a)', '(a)(b)?', '(a)|(b)', '((a)|(b))+', '(a(b)?)+', '(a)\\1', '(a|b)\\1', '(\\w+) \\1', '(?i)(a)\\1', '(?P<x>[ab])(?P=x)',
    '(a)?(?(1)b|c)', '(?P<q>")?\\w+(?(q)")', '(a)?(?(1)b)', '(?:(a)|b)(?(1)x|y)', '((a)|b)*(?(2)c|d)', '(a)*\\1',
    '(?:(a)|(b))*', '(?:(a)|(b))+?c', '(a|ab)(c|bcd)(d*)', '((a)(b)(c))', '(a)(?=(b))', '(?<=(a))b', '(?!(a))\\w',
    '(?:(a)b|ac)+', '(?:(x)|y)+z', '((a)|(b)|(c))*', '(?P<first>\\w)(?P<rest>\\w*)', '(?P<a>a)|(?P<b>b)', '()', '(())',
    '(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\\11', '(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10', '(?:(a)|b)*?\\1',
]
subjects = ['', 'a', 'b', 'ab', 'aa', 'abab', 'abba', 'abc', 'abcd', 'bac', 'xyz', 'hello hello', '"word"', '"word',
            'aAbB', 'acacab', 'xxyz', 'cba', 'abcdefghijkk', 'abcdefghijj', 'babaa']

for pat in patterns:
    p = re.compile(pat)
    print(repr(pat), p.groups, sorted(p.groupindex.items()))
    for s in subjects:
        m = p.search(s)
        if m:
            print('  ', repr(s), m.span(), m.groups(), m.lastindex, m.lastgroup, m.groupdict(), m.regs)
        print('  ', repr(s), p.findall(s), p.split(s))
