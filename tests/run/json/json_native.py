# _json, the accelerator json uses: scanstring, the escapers, the scanner
# and the encoder, with CPython 3.11's messages and positions.
import json
import _json
from json import decoder, encoder, scanner

print(decoder.scanstring is _json.scanstring, scanner.make_scanner is _json.make_scanner)
print(_json.scanstring.__module__, _json.make_scanner.__name__, _json.make_encoder.__name__)

docs = ['[1,]', '{"a":1,}', '[', '[1', '{"a" 1}', '{', '{"a":', '"abc', '"\\x"',
        '"\\u12"', '[1 2]', '-', '-x', '1.e5', '1e', '01', '"\\ud834\\udd20"',
        '"\\ud834x"', ' [] x', '"\\ud834\\u0041"', '"\\ud834\\uzzzz"', '"a\x01"',
        '[1.5e3, -0, 0.25, 12345678901234567890123, -1E-2, true, false, null]',
        '{"é": ["ü", "\\u00e9\\n"], "k": {"k": []}}', '[NaN, Infinity, -Infinity]',
        '"\u20ac\\t\u20ac"  ', '["é", 1 x]', 'nul', 'tru']
for s in docs:
    try:
        print(repr(s), repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print(repr(s), 'JSONDecodeError', e, e.pos)
    except ValueError as e:
        print(repr(s), type(e).__name__, e)

print(json.loads('"a\x01b"', strict=False))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=list))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d)))
print(json.loads('[1, 2.5, NaN]', parse_int=str, parse_float=repr, parse_constant=lambda c: c.lower()))

print(_json.scanstring('"ab\\u00e9"x', 1), _json.scanstring('é"a"', 2))
for args in [(b'x', 1), ('x', 5), ('x', -1)]:
    try:
        _json.scanstring(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

s = scanner.make_scanner(decoder.JSONDecoder())
print(type(s).__name__, s.strict, s.parse_float, s.object_hook)
print(s('xx[1, "é"] ', 2), s('é1', 1))
for idx in (-1, 10):
    try:
        s('abc', idx)
    except ValueError as e:
        print('ValueError', e)
    except StopIteration as e:
        print('StopIteration', e.value)
try:
    scanner.make_scanner(1)
except AttributeError as e:
    print('AttributeError')

print(_json.encode_basestring_ascii('a\x00\u1234\U0001f600"\\/\x7f'))
print(_json.encode_basestring('a\x00\u1234\U0001f600"\\/\x7f\x1f'))
try:
    _json.encode_basestring_ascii(1)
except TypeError as e:
    print(e)

enc = _json.make_encoder(None, str, _json.encode_basestring, None, ':', ',', False, False, True)
print(enc([1, 'a', {'b': None}, (2.5, True)], 0))
print(enc.markers, enc.default, enc.indent, enc.key_separator, enc.item_separator, enc.sort_keys, enc.skipkeys)
for bad in [(None,), (None, str, str, None, 1, ',', False, False, True),
            (1, None, None, None, ': ', ', ', False, False, False)]:
    try:
        _json.make_encoder(*bad)
    except TypeError as e:
        print(e)

import enum
class I(enum.IntEnum):
    A = 1
class F(float):
    def __repr__(self):
        return 'F!'
print(json.dumps({1: 2, 1.5: 3, True: 4, None: 5, 'x': float('inf'), I.A: [I.A, F(2.5)]}))
print(json.dumps({(1,): 1, 'a': 2, (2,): 3, 'b': 4}, skipkeys=True))
print(json.dumps({'b': 1, 'a': [2, {'d': 1, 'c': 2}]}, sort_keys=True, separators=(',', ':')))
print(json.dumps(['é', '\u20ac'], ensure_ascii=False), json.dumps(['é']))
print(json.dumps({'a': object()}, default=lambda o: 'obj'))
class D(dict):
    def items(self):
        return [(1, 2), ('x', 3)]
print(json.dumps(D(a=1)), json.dumps(D()))
for bad, kw in [([float('nan')], {'allow_nan': False}), ({(1,): 2}, {}), ({'a': 1, 1: 'a'}, {'sort_keys': True})]:
    try:
        json.dumps(bad, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print(e)
try:
    json.dumps(object(), default=lambda o: [o], check_circular=False)
except RecursionError as e:
    print('RecursionError')
try:
    json.loads('[' * 100000 + ']' * 100000)
except RecursionError as e:
    print('RecursionError', e)
