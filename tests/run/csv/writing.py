# _csv.writer: quoting styles, escaping, doublequote, lineterminator,
# what writerow returns, and the errors.
import csv
import io
from decimal import Decimal
from fractions import Fraction


def write(rows, **kw):
    s = io.StringIO()
    w = csv.writer(s, **kw)
    results = []
    for r in rows:
        try:
            results.append(w.writerow(r))
        except Exception as e:
            results.append(f"{type(e).__name__}: {e}")
    print(kw, results, repr(s.getvalue()))


write([["a", "b"], [1, 2.5, None, True], ["x,y", 'q"q', "l\nm", "c\rd", ""]])
write([[""], [None], [], ["", ""], [" a", "b "]])
write([[1.5, 2, None, "x", Decimal("1.1"), Fraction(1, 3), 1j, "3"]], quoting=csv.QUOTE_NONNUMERIC)
write([["a", 1, None]], quoting=csv.QUOTE_ALL)
write([["a,b"], [""], ["a"]], quoting=csv.QUOTE_NONE)
write([["a,b", 'c"d', "e\\f", "g\nh"]], quoting=csv.QUOTE_NONE, escapechar="\\")
write([['a\\b', 'c"d']], escapechar="\\")
write([['a\\b', 'c"d']], escapechar="\\", doublequote=False)
write([['c"d']], doublequote=False)
write([["a\rb", "c\nd", "exf"]], lineterminator="x")
write([["a", "b"]], lineterminator="\n", delimiter="\t")
write([["a|b", "c'd"]], delimiter="|", quotechar="'")
write([["\u00e9", "\U0001f600,"]])
write([1, "ab", [1, 2], iter(["i", "j"]), {"k": 1}])
write([["a"]], dialect="excel-tab")


class Boom:
    def __str__(self):
        raise ValueError("no str")


write([["a", Boom()]])


class Writes:
    def __init__(self):
        self.lines = []

    def write(self, line):
        self.lines.append(line)
        return "returned"


f = Writes()
w = csv.writer(f)
print(w.writerow(["a"]), w.writerows([["b"], ["c", "d"]]), f.lines, w.dialect.delimiter)
try:
    w.writerows(5)
except TypeError as e:
    print("TypeError", e)
for bad in [object(), type("NoCall", (), {"write": 5})()]:
    try:
        csv.writer(bad)
    except TypeError as e:
        print("TypeError", e)
