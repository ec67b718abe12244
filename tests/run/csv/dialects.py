# _csv.Dialect validation, the registry and field_size_limit: values
# and CPython's error messages.
import _csv
import csv

print(_csv.__version__, _csv.QUOTE_MINIMAL, _csv.QUOTE_ALL, _csv.QUOTE_NONNUMERIC, _csv.QUOTE_NONE)
print(sorted(n for n in dir(_csv) if not n.startswith("__")))
print(_csv.Error.__mro__, _csv.Error.__module__)
print(sorted(csv.list_dialects()))


def show(d):
    return (d.delimiter, d.quotechar, d.escapechar, d.lineterminator, d.quoting,
            d.doublequote, d.skipinitialspace, d.strict)


cases = [
    {}, dict(delimiter=''), dict(delimiter='ab'), dict(delimiter=1), dict(delimiter=None),
    dict(quotechar=''), dict(quotechar=1), dict(quotechar=None), dict(quotechar=None, quoting=0),
    dict(escapechar='ab'), dict(escapechar=3), dict(escapechar=''), dict(escapechar='\\'),
    dict(lineterminator=1), dict(lineterminator=None), dict(lineterminator=''),
    dict(quoting=4), dict(quoting=-1), dict(quoting='1'), dict(quoting=1.0), dict(quoting=True),
    dict(quoting=2**40), dict(quoting=2**70), dict(doublequote=[]), dict(strict=2),
    dict(delimiter='\n'), dict(delimiter=' ', skipinitialspace=True), dict(quotechar='\r'),
    dict(delimiter='"'), dict(delimiter='x', escapechar='x'), dict(foo=1),
    dict(quoting=3, quotechar=None), dict(quoting=0, quotechar=''), dict(delimiter='\u20ac'),
]
for c in cases:
    try:
        print(c, show(_csv.Dialect(**c)))
    except Exception as e:
        print(c, type(e).__name__, e)

for args in [("nosuch",), tuple(range(10)), ("excel", ",")]:
    try:
        print(args, show(_csv.Dialect(*args)))
    except Exception as e:
        print(args, type(e).__name__, e)

d = _csv.Dialect()
print(_csv.Dialect(d) is d, _csv.Dialect(d, delimiter=';') is d, type(d).__name__)
for attr in ["delimiter", "strict", "quoting"]:
    try:
        setattr(d, attr, 1)
    except AttributeError as e:
        print("AttributeError", e)


class Partial:
    delimiter = ';'
    quoting = csv.QUOTE_ALL

    @property
    def strict(self):
        raise RuntimeError("ignored")


print(show(_csv.Dialect(Partial())))
print(show(_csv.Dialect(csv.excel_tab)), show(_csv.Dialect("unix")))
print(show(csv.get_dialect("excel")), show(csv.get_dialect("excel-tab")))

csv.register_dialect("semi", delimiter=";", quoting=csv.QUOTE_NONE, escapechar="\\")
print(show(csv.get_dialect("semi")), "semi" in csv.list_dialects())
csv.register_dialect("copy", "semi", quotechar="'")
print(show(csv.get_dialect("copy")))
csv.register_dialect("fromint", 1)
print(show(csv.get_dialect("fromint")))
csv.unregister_dialect("semi")
print("semi" in csv.list_dialects())

calls = [
    "csv.get_dialect('x')", "csv.unregister_dialect('x')", "csv.register_dialect(1)",
    "csv.register_dialect()", "csv.register_dialect('a', 'b', 'c')", "csv.get_dialect()",
    "csv.register_dialect('bad', delimiter=1)", "_csv.reader()", "_csv.reader(1)",
    "_csv.writer()", "_csv.writer(1)", "_csv.reader([], 1, 2)", "_csv.reader([], 'nosuch')",
    "_csv.Reader()", "_csv.Writer()", "csv.field_size_limit()", "csv.field_size_limit(10)",
    "csv.field_size_limit()", "csv.field_size_limit('a')", "csv.field_size_limit(1, 2)",
    "csv.field_size_limit(limit=5)", "csv.field_size_limit(new_limit=131072)",
    "csv.field_size_limit(2**70)",
]
for c in calls:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "->", type(e).__name__, e)


class D(csv.Dialect):
    delimiter = "|"
    quotechar = "'"
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL


print(show(_csv.Dialect(D())))


class Bad(csv.Dialect):
    delimiter = "||"


try:
    Bad()
except csv.Error as e:
    print("csv.Error", e)
