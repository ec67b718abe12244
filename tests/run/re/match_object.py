# The Match and Pattern objects: group access by index and name, spans,
# regs, repr, attributes, copy, ==, hash, scanner, re.Scanner.
import copy
import re

def attempt(f):
    try:
        return f()
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)

m = re.match(r'(?P<a>x)(?P<b>y)?(z)?', 'xz')
for g in [0, 1, 2, 3, 'a', 'b', -1, 4, 'c', True, 1.0, None, 2**70, -2**70, []]:
    print(repr(g), attempt(lambda: m.group(g)), attempt(lambda: m[g]), attempt(lambda: (m.start(g), m.end(g), m.span(g))))
print(m.group(), m.group(0, 1, 'b', 3), m.groups(), m.groups('-'), m.groups(default=0), m.groupdict(), m.groupdict('?'))
print(m.lastindex, m.lastgroup, m.regs, m.pos, m.endpos, m.string, m.re, m.re.pattern, m.re.flags, m.re.groups)
print(m, repr(re.match('.*', 'x' * 100)), re.match(b'.*', b'\x00abc'), ascii(re.match('.*', 'é\U0001f600\n')))
print(re.match("'", "'"), re.match('"', '"'), re.match('.*', 'a\'b"c'))
print(m.__copy__() is m, m.__deepcopy__({}) is m, copy.copy(m) is m, copy.deepcopy(m) is m, bool(m))
print(m.expand(r'\g<a>-\1-\g<b>'), attempt(lambda: m.expand(r'\4')), attempt(lambda: m.start(1, 2)), attempt(lambda: m.start(x=1)))
print(attempt(lambda: m.groups(1, 2)), attempt(lambda: m.group(x=1)), attempt(lambda: m.span(x=1)), attempt(lambda: m.__copy__(1)))
print(re.Pattern, re.Match, re.Pattern[str], re.Match[bytes], type(re.compile('a').scanner('')).__name__)
print(attempt(lambda: re.Pattern()), attempt(lambda: re.Match()), attempt(lambda: type('X', (re.Pattern,), {})))
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('a', re.I), re.compile('a') != re.compile('b'),
      re.compile('a') == 'a', re.compile(b'a') == re.compile('a'), attempt(lambda: re.compile('a') < re.compile('a')))
print(hash(re.compile('ab')) == hash(re.compile('ab')), {re.compile('ab'): 1}[re.compile('ab')])
p = re.compile('(?P<n>.)(.)')
print(p.groupindex, p.groupindex['n'], attempt(lambda: p.groupindex.__setitem__('m', 1)), re.compile('x').groupindex)
print(p.__copy__() is p, copy.deepcopy(p) is p, attempt(lambda: setattr(p, 'flags', 0)), attempt(lambda: p.__deepcopy__()))
for flags in [0, re.I, re.M, re.S, re.X, re.A, re.U, re.I | re.M | re.S, re.I | re.A]:
    print(repr(re.compile('a.b', flags)), re.compile('a.b', flags).flags)
print(repr(re.compile('x' * 300)), repr(re.compile('\'"\n\\\\')), repr(re.compile(b'x', re.I)), repr(re.compile(b'x', re.L)))
sc = re.compile('a').scanner('aab a')
print(sc.pattern, sc.match(), sc.match(), sc.match(), sc.search(), sc.search(), sc.match(), sc.search())
sc = re.compile('x*').scanner('axx', 1)
print([sc.search() for _ in range(4)])
print(re.Scanner([(r'\d+', lambda s, t: int(t)), (r'\s+', None), (r'\w+', lambda s, t: t.upper())]).scan('12 ab 3 !'))
for pat in ['(a)(b)', '((a)(b))', '(a(b))', '(?P<x>a)(?P<y>b)', '(a)b', 'ab', '(?P<x>a)(b)', '(a)(?P<y>b)?']:
    mm = re.match(pat, 'ab')
    print(pat, mm.lastindex, mm.lastgroup, mm.regs)
print([mm.span() for mm in re.finditer(r'\w', 'ab c')], [mm.group() for mm in re.finditer('', 'ab')], list(re.finditer('x', '')))
it = re.finditer('a', 'aa')
print(next(it), next(it), next(it, 'end'), iter(it) is it)
