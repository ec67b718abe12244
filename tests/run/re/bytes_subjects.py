# Bytes patterns (ASCII semantics, LOCALE in the C locale) and bytes-like
# subjects: bytes, bytearray, memoryview; mixing str and bytes is an error.
import re

for pat in [rb'a+', rb'\w+', rb'(?i)abc', rb'(?L)\w+', rb'(?iL)[a-z]+', rb'(?iL)ABC', rb'[\x80-\xff]+', rb'(?i)\xe9',
            rb'(.)\1', rb'(?i)(.)\1', rb'(?iL)(.)\1', rb'\bx\b', rb'(?L)\bx\b', rb'(?a)\s+', rb'[^\x00-\x7f]', rb'(?iL)[^a]']:
    p = re.compile(pat)
    print(p, p.flags, p.groups)
    for s in [b'', b'aAa', b'abc ABC', b'\xe9\xc9 \x80', b'x xx x', bytearray(b'aaBBcc'), memoryview(b'ab cd'), b'aAbBxX']:
        m = p.search(s)
        print('  ', bytes(s), m and (m.span(), m.group(), type(m.group()).__name__, type(m.string).__name__),
              p.findall(s), p.sub(b'-', s), p.split(s))

def attempt(f):
    try:
        return f()
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)

print(attempt(lambda: re.search('a', b'a')))
print(attempt(lambda: re.search(b'a', 'a')))
print(attempt(lambda: re.search('a', 1)))
print(attempt(lambda: re.search(b'a', [1])))
print(attempt(lambda: re.compile('a', re.L)))
print(attempt(lambda: re.compile(b'a', re.U)))
print(attempt(lambda: re.compile(b'a', re.A | re.L)))
print(attempt(lambda: re.sub(b'a', 'x', b'a')))
print(attempt(lambda: re.sub(b'a', bytearray(b'x'), b'banana')))
print(attempt(lambda: re.sub(b'a', lambda m: memoryview(b'Y'), b'banana')))
print(attempt(lambda: re.sub(b'(a)', rb'<\1>', bytearray(b'banana'))))
ba = bytearray(b'abcabc')
m = re.search(b'(b)(c)', ba)
print(m.group(), m.span(1), m.string is ba)
print(re.compile(b'x', re.I), re.compile(b'x', re.L | re.I), attempt(lambda: re.compile(bytearray(b'x'))))
