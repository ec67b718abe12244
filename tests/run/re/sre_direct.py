# The _sre module itself: its constants and helpers, compile's argument
# checks and code validation (CPython's "invalid SRE code"), and the
# argument errors of the Pattern and Match methods.
import _sre
import re
from re import _compiler, _parser

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)

print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, repr(_sre.copyright), _sre.getcodesize())
print(sorted(n for n in dir(_sre) if not n.startswith('__')))
print([_sre.ascii_tolower(c) for c in (65, 90, 91, 97, 200, -1)], [_sre.ascii_iscased(c) for c in (64, 65, 122, 123, 0xc0)])
print([_sre.unicode_tolower(c) for c in (65, 0xc0, 0x130, 0x3a3, 0x1e9e, 0x10400, -1, 0x110000)])
print([_sre.unicode_iscased(c) for c in (65, 0x30, 0xdf, 0x130, 0x131, 0x345, 0x1f80, 0x10428, -1)])
code = _compiler._code(_parser.parse('(a)b|c', 0), 0)
print(code)
p = _sre.compile('(a)b|c', 0, code, 1, {}, (None, None))
print(p, p.groups, p.groupindex, p.search('xcab'), p.search('xab').groups())
print(attempt(lambda: _sre.compile(None, 0, [1], 0, {}, ())))
print(attempt(lambda: _sre.compile(None, 0, [1], 0, {}, ()).search('')))
print(attempt(lambda: _sre.compile('a', 0, [16, 97, 1], 0, {'x': 1}, ('y',)).groupindex))
for args in [(), ('a', 0, (1,), 0, {}, ()), ('a', 0, [1], 0, [], ()), ('a', 0, [1], 0, {}, []), ('a', 'x', [1], 0, {}, ()),
             ('a', 2**40, [1], 0, {}, ()), ('a', 0, [2**40], 0, {}, ()), ('a', 0, [2**70], 0, {}, ()), ('a', 0, [-1], 0, {}, ()),
             ('a', 0, ['x'], 0, {}, ()), ('a', 0, [1.0], 0, {}, ()), (1, 0, [1], 0, {}, ()), ('a', 0, [], 0, {}, ()),
             ('a', 0, [16], 0, {}, ()), ('a', 0, [99, 1], 0, {}, ()), ('a', 0, [17, 4, 1], 1, {}, ()), ('a', 0, [17, 3, 1], 1, {}, ()),
             ('a', 0, [11, 0, 1], 0, {}, ()), ('a', 0, [15, 2, 1], 0, {}, ()), ('a', 0, [7, 0, 1], 0, {}, ()),
             ('a', 0, [24, 4, 2, 1, 1, 1], 0, {}, ()), ('a', 0, [24, 5, 0, 1, 3, 1, 1], 0, {}, ()), ('a', 0, [13, 3, 16, 1], 0, {}, ()),
             ('a', 0, [13, 4, 8, 99, 0, 1], 0, {}, ()), ('a', 0, [6, 12, 1], 0, {}, ()), ('a', 0, [1], -1, {}, ()),
             ('a', 0, [1], 2**31, {}, ()), ('a', 0, [14, 4, 0, 0, 0, 1], 0, {}, ()), ('a', 0, [14, 4, 8, 0, 0, 1], 0, {}, ())]:
    print(attempt(lambda: _sre.compile(*args)))
print(attempt(lambda: _sre.compile(pattern='a', flags=0, code=[1], groups=0, groupindex={}, indexgroup=())))
print(attempt(lambda: _sre.compile('a', 0, [1], 0, {}, (), 1)), attempt(lambda: _sre.compile('a', 0, [1], 0, {}, (), x=1)))
for f in [lambda: _sre.unicode_tolower(), lambda: _sre.unicode_tolower('a'), lambda: _sre.unicode_tolower(2**40),
          lambda: _sre.ascii_iscased(1, 2), lambda: _sre.getcodesize(1), lambda: _sre.unicode_tolower(c=1)]:
    print(attempt(f))
pat = re.compile('a')
m = pat.match('a')
for f in [lambda: pat.match(), lambda: pat.match('a', 1, 2, 3), lambda: pat.match('a', foo=1), lambda: pat.match('a', 1, pos=2),
          lambda: pat.match('a', 'x'), lambda: pat.match('a', 1.5), lambda: pat.match('a', 10**30), lambda: pat.match(1),
          lambda: pat.sub(), lambda: pat.sub('a'), lambda: pat.split('a', 'b'), lambda: pat.findall(), lambda: pat.scanner(),
          lambda: pat.search(string='xa', pos=1, endpos=2), lambda: pat.sub(repl='b', string='a', count=1), lambda: pat.fullmatch(),
          lambda: pat.finditer(), lambda: pat.subn('a'), lambda: m.expand(), lambda: m.groupdict(1, 2), lambda: pat.scanner('a').match(1)]:
    print(attempt(f))
