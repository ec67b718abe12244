# sub/subn (literal, template and callable replacements), split and
# findall: empty matches, counts, group shapes, the errors of templates.
import re

def attempt(f):
    try:
        return f()
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)

for repl in [r'\1', r'\g<1>', r'\g<0>', r'\g<name>', r'[\1\2]', r'\n\t', r'\\', r'x\0y', r'\11', r'\g<2>', r'\3', r'\q', r'\g<-1>',
             r'\g<a b>', r'\g<1', r'\g<>', r'\g<name>\g<name>', '\\', 'no backslash', '', r'\x41\101', r'\N{DASH}']:
    print(repr(repl), attempt(lambda: re.sub(r'(?P<name>a)(b)?', repl, 'xabyaz')),
          attempt(lambda: re.search(r'(?P<name>a)(b)?', 'xab').expand(repl)))
print(attempt(lambda: re.sub(rb'(a)', rb'<\1>', b'banana')), attempt(lambda: re.sub(rb'(a)', rb'\g<1>\x41', b'banana')))
for pat, s in [('a', 'aaaa'), ('x*', 'abxd'), ('a*', 'baac'), ('', 'abc'), ('\\b', 'ab cd'), ('(a)|b', 'abc'), ('a|(b)', 'ab')]:
    print(repr(pat), repr(s), re.sub(pat, '-', s), re.subn(pat, '-', s), re.subn(pat, '-', s, 2), re.sub(pat, '-', s, count=-1),
          re.sub(pat, lambda m: '<%s>' % m.group(), s), re.sub(pat, lambda m: None, s), re.split(pat, s), re.split(pat, s, 1),
          re.split(pat, s, maxsplit=-1), re.findall(pat, s))
print(re.split(r'(,)', 'a,b,c,d', 2), re.split(r'(a)|(b)', 'xaybz'), re.split('x*', 'axbxc'), re.split('(?:)', 'ab'))
print(re.findall(r'(a)(b)?', 'abac'), re.findall(r'((a)|b)', 'ab'), re.findall('', 'ab'), re.findall(r'(?:a)', 'aa'))
print(attempt(lambda: re.sub('a', lambda m: 5, 'banana')))
print(attempt(lambda: re.sub('a', b'x', 'banana')))
print(attempt(lambda: re.sub('a', 1, 'banana')))
print(attempt(lambda: re.sub('a', lambda m: 1 / 0, 'banana')))
calls = []
print(attempt(lambda: re.sub('a', lambda m: calls.append(m.start()) or (5 if m.start() == 1 else 'A'), 'banana')), calls)
s = 'unchanged'
print(re.sub('x', 'y', s) is s, re.sub('u', 'u', s) is s, type(re.sub('x', 'y', type('S', (str,), {})('ab'))).__name__)
print(re.sub('(?P<w>\\w+)', lambda m: m.group('w').upper() + str(m.lastindex), 'ab cd'))
print(re.subn('a', 'b', 'a' * 1000)[1], len(re.sub('', '-', 'x' * 1000)))
