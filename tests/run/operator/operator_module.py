# The native _operator under CPython's operator.py: each function's result
# and message, the three getter types (call, repr, __reduce__, no
# subclassing), _compare_digest.
import operator as o
tests = ['o.index(2.0)', 'o.neg("a")', 'o.inv(1.5)', 'o.concat(1, 2)', 'o.concat([1], (2,))', 'o.indexOf([1,2], 3)', 'o.countOf([1,1,2], 1)', 'o.length_hint(iter([1,2]))', 'o.length_hint(5, "x")', 'o.length_hint(5)', 'o.itemgetter()', 'o.attrgetter()', 'o.attrgetter(1)', 'o.methodcaller()', 'o.methodcaller(1)', 'repr(o.itemgetter(1, "a"))', 'repr(o.attrgetter("a.b", "c"))', 'repr(o.methodcaller("m", 1, k=2))', 'o.itemgetter(1).__reduce__()', 'o.attrgetter("a.b").__reduce__()', 'o.methodcaller("m", 1).__reduce__()', 'o.lt(1, "a")', 'o.truth([])', 'o.is_(None, None)', 'o.iconcat([1], (2,))', 'o.iconcat(1, 2)', 'o.contains(1, 2)', 'o.getitem([1], "a")', 'o.add(1)', 'o.attrgetter("real", "imag")(3)', 'o.call(len, "abc")', 'o.itemgetter(0)(5)', 'type(o.itemgetter(1)).__name__', 'o.length_hint([], 1.5)', 'o.itemgetter(1, 0)("ab")', 'o.methodcaller("split", ",", maxsplit=1)("a,b,c")', 'o.attrgetter("__class__.__name__")(1)', 'o.__lt__(1, 2)', 'o.iadd([1], [2])', 'o.setitem({}, 1, 2)', 'o.length_hint(range(5))', 'sorted([(1, "b"), (0, "a")], key=o.itemgetter(1))', 'o.pow(2, 10)', 'o.matmul(1, 2)', 'o.__abs__(-3)', 'type(o.itemgetter(1)).__module__']
for t in tests:
    try: print(t, '->', eval(t))
    except Exception as e: print(t, '!!', type(e).__name__, e)
try:
    class X(o.itemgetter): pass
except TypeError as e: print(e)
for a, b in [(b"ab", b"ab"), ("ab", "ac"), (b"ab", b"abc"), (bytearray(b"x"), b"x"), ("\xe9", "\xe9"), ("a", b"a"), (1, 1)]:
    try:
        print(o._compare_digest(a, b))
    except TypeError as e:
        print("TypeError", e)
