# Patterns generated from a small grammar by a fixed pseudo-random sequence
# (every opcode family, nested and combined), each searched, matched in
# full, scanned, split and substituted over generated subjects.
import re

state = 12345
def rand(n):
    global state
    state = (state * 1103515245 + 12345) % 2**31
    return (state >> 8) % n

atoms = ['a', 'b', 'c', '.', r'\w', r'\d', r'\s', '[ab]', '[^a]', '[a-c]', 'x', r'\b', '^', '$', r'\B', '(?i:A)', 'é', '[é-ê]']
quants = ['*', '+', '?', '{1,2}', '*?', '+?', '??', '*+', '++', '{0,3}?', '{2}', '?+']
def gen(depth):
    r = rand(100)
    if depth > 4 or r < 25:
        return atoms[rand(len(atoms))]
    if r < 40:
        return gen(depth + 1) + gen(depth + 1)
    if r < 50:
        return gen(depth + 1) + '|' + gen(depth + 1)
    if r < 65:
        return '(' + gen(depth + 1) + ')'
    if r < 80:
        return '(' + ['?:', '', '?>'][rand(3)] + gen(depth + 1) + ')' + quants[rand(len(quants))]
    if r < 86:
        return ['(?=', '(?!', '(?>'][rand(3)] + gen(depth + 1) + ')'
    if r < 90:
        return ['(?<=a)', '(?<!b)', '(?<=ab)', '(?<!\\w)'][rand(4)]
    if r < 95:
        return [r'\1', r'\2', '(?(1)a|b)', '(?(2)(a)|b)', '(?P<n>a)?(?P=n)'][rand(5)]
    return gen(depth + 1) + ['*', '+', '?'][rand(3)]

def digest(text):
    h = 0
    for ch in text:
        h = (h * 1000003 + ord(ch)) % 4294967291
    return h

subjects = [''.join('aabbcx é'[rand(8)] for _ in range(rand(14))) for _ in range(7)]
print(subjects)
for k in range(160):
    pat = '(a|b)?(c)?' + gen(0)
    for flags in (0, int(re.I | re.M)):
        try:
            p = re.compile(pat, flags)
        except re.error as e:
            print(repr(pat), 'error:', e)
            break
        results = []
        for s in subjects:
            try:
                m = p.search(s)
                r = [m and (m.span(), m.groups(), m.lastindex), p.findall(s), p.split(s), p.sub('-', s), p.fullmatch(s) is None]
            except Exception as e:
                r = '%s: %s' % (type(e).__name__, e)
            results.append(r)
        # The first patterns in full, the others by a digest of their results.
        print(repr(pat), flags, results if k < 8 else digest(repr(results)))
