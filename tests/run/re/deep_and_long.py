# Deep and long work for the engine: its backtracking state lives on the
# heap, so long subjects with group repeats, nested groups and wide
# alternations never overflow the Rust stack.
import re

n = 100000
s = 'ab' * n
print(re.fullmatch('(?:(a)|(b))*', s).span(), re.fullmatch('(?:(a)|(b))*', s).groups())
print(re.match('(ab)*?$', s).span(), re.match('(?:a|b)*+$', s).end(), re.match('(?>(?:ab)*)b', s))
print(len(re.findall('(a)(b)', s)), re.subn('(a)b', r'\1', s)[1], len(re.split('(?<=b)', s)))
print(re.match('(?:(?:a|b)(?=[ab]|$))*', s).end(), re.search('(a|b)*c', s[:2000]))
depth = 90
pat = '(' * depth + 'x' + ')' * depth
m = re.match(pat, 'x')
print(m.span(), len(m.groups()), m.lastindex)
pat = '(?:' * depth + 'a|b' + ')*' * depth
print(re.match(pat, 'ab' * 10).span())
alt = '|'.join('w%d' % i for i in range(3000))
print(re.findall(alt, 'w2999 w15 w0 w3000'), re.compile(alt).groups)
print(re.match('(a)' * 100 + '(?P<last>b)(?P=last)', 'a' * 100 + 'bb').span())
print(re.match('a{1000}', 'a' * 1000).span(), re.match('(a){1000}', 'a' * 1000).span(1), re.match('(?:a{100}){10}', 'a' * 1000).end())
