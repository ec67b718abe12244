# Errors of the parser (re._parser, Python code running on Krait) and of
# the compiler, as re.error with msg, pos, lineno and colno.
import re

bad = ['(', ')', '(a', 'a)', '[a', '[z-a]', 'a**', '*a', '+', '?', '{1}x{', 'a{2,1}', '\\', '\\1', '(a)\\2', '(?P<1>a)',
       '(?P<a>a)(?P<a>b)', '(?P=x)', '(?Px)', '(?<a)', '(?', '(?z)', '(?i', '(?-i)', '(?i-i:a)', '(?a-u)', '(?au)', 'x(?i)',
       '\\q', '[\\q]', '\\x1', '\\u12', '\\U1234567', '\\U00110000', '(?(1)a|b)', '(?(1)a|b|c)(a)',
       '(?(a)b)', '(?(-1)a)', '(?<=a+)b', '(?<!a*)b', '(?<=a|bc)d', 'a{99999999999}', '(?#unclosed', '(?P<a-b>x)', '[\\d-z]',
       '[]', '[^]', '(?x)[a', 'ab\n(c', 'a\nb\n)', b'\\u1234', b'(?L)[\\w-z]', b'(?u)x', '\\8', '[\\9]', '\\400', '\\g<1>',
       '(?P<a>x)(?P=a', '(?P<a>)(?(a)', '(?>', '(?<', '(?=a', 'a{,', 'x{1,2', '()' * 101, '(?P<\u00e9>x)(?P=\u00e9)']
for pat in bad:
    try:
        p = re.compile(pat)
        print(ascii(pat), 'ok', p.groups)
    except re.error as e:
        print(ascii(pat), '%s.%s: %s' % (type(e).__module__, type(e).__name__, e), ascii(e.msg), e.pos, e.lineno, e.colno,
              e.pattern == pat)
    except Exception as e:
        print(ascii(pat), type(e).__name__, e)

for pat, flags in [('a', re.L), (b'a', re.U), ('a', re.A | re.U), ('a', 0x10000)]:
    try:
        re.compile(pat, flags)
        print('ok', ascii(pat))
    except (re.error, ValueError) as e:
        print(type(e).__name__, e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print('ValueError', e)
try:
    re.compile(1)
except TypeError as e:
    print('TypeError', e)
print(issubclass(re.error, Exception), re.error.__module__, re.error('m', 'pat', 1).args, str(re.error('m')))
