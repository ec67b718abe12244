# Repeats: REPEAT_ONE, MIN_REPEAT_ONE, REPEAT with MAX_UNTIL/MIN_UNTIL,
# POSSESSIVE_REPEAT(_ONE), ATOMIC_GROUP, zero-width items, bounds.
import re

patterns = [
    'a*', 'a+', 'a?', 'a*?', 'a+?', 'a??', 'a{2}', 'a{2,3}', 'a{2,}', 'a{,2}', 'a{2,3}?', 'a{0}', 'a{1,1}',
    'a*b', 'a*?b', 'a*ab', 'a+?a', '[ab]*b', '[ab]*?b', '.*c', '.*?c', '(?s).*', 'x*', 'x*?',
    '(ab)*', '(ab)+', '(ab)*?c', '(?:ab)*c', '(a|b)*', '(a|b)*?b', '(a|bc)+', '(a*)*', '(a*)+', '(a*?)*', '(a|)+', '(|a)+',
    '(?:a|)*b', '((a)|b)+', '(a{1,2}){2}', '(?:a{0,2}){3}', '(a)(?:b(c))?', '(ab|a)(bc|c)', '(a+|b+)*c', '(a.*?)(b.*)',
    'a*+', 'a++', 'a?+a', 'a*+b', '[ab]++b', '(?:ab)*+', '(?:ab)++c', '(ab)*+c', '(a|b)*+b', '(?:a|ab)++c',
    '(?>a+)b', '(?>a+)a', '(?>(a|ab))c', '(?>a|ab)c', '((?>a|ab)c)', '(?>a*?)b', '(?>)', '(?>(a)|b)+',
    '(a){2,}?', '(?:(a)|b){2,4}', '(?:x*)*y', '(?:x*)+y', '(?:x?)*?y', '(x*)(y*)', 'a{3,5}b', 'a{3,5}?b',
]
subjects = ['', 'a', 'b', 'ab', 'aab', 'abab', 'ababc', 'aaaa', 'aaaab', 'abcbc', 'bbbc', 'xyz', 'acabc', 'aaaaaab', 'abac']

for pat in patterns:
    p = re.compile(pat)
    out = []
    for s in subjects:
        m = p.search(s)
        out.append((m and (m.span(), m.groups()), p.fullmatch(s) is not None, len(p.findall(s))))
    print(repr(pat), out)

# A long subject: the engine keeps its backtracking state on the heap.
s = 'ab' * 50000 + 'c'
for pat in [r'(?:ab)*c', r'(ab)*c', r'(?:a|b)*c', r'(?:(a)|b)*?c', r'(?:ab)*+c', r'(a|b)*c']:
    m = re.match(pat, s)
    print(pat, m.span(), m.groups())
