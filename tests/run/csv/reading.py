# _csv.reader: quoting, escaping, doublequote, skipinitialspace, strict,
# QUOTE_NONNUMERIC, multi-line fields, line_num and the errors.
import csv
import io


def read(lines, **kw):
    r = csv.reader(lines, **kw)
    out = []
    try:
        for row in r:
            out.append(row)
    except Exception as e:
        out.append(f"{type(e).__name__}: {e}")
    print(repr(lines)[:60], kw, out, r.line_num)


read(["a,b,c", "1,2,3"])
read(["a,b,c\r\n", "1,2,3\n"])
read(["", "a", "\n", "\r\n", ","])
read(['"a,b",c', '"x""y",z', '"",""', '"a"b,c'])
read(['"a\nb', 'c"', 'd'])
read(['"abc'])
read(['"abc'], strict=True)
read(['"a"b,c'], strict=True)
read(['"a" b'], strict=True, delimiter=" ")
read(["a\rb,c"])
read(["a\0b,c"])
read([b"ab"])
read(["ab", 1])
read(["1,2.5,abc"], quoting=csv.QUOTE_NONNUMERIC)
read(['1,2.5, 3,"4",'], quoting=csv.QUOTE_NONNUMERIC)
read(["a\\,b,c\\\\d", "e\\", "f"], escapechar="\\")
read(['"a\\"b",c', '"x\\'], escapechar="\\")
read(["a\\\nb,c"], escapechar="\\")
read([' a,  b, "c"'], skipinitialspace=True)
read([' a,  b, "c"'])
read(['"a""b"'], doublequote=False)
read(['"a"b"'], doublequote=False)
read(["a;b;'c;d'"], delimiter=";", quotechar="'")
read(['a,"b",c'], quoting=csv.QUOTE_NONE)
read(["a\tb\tc"], dialect="excel-tab")
read(["a|b"], csv.excel, delimiter="|")
read(["\u00e9t\u00e9,\u20ac,\U0001f600"])
read(iter(["x,y"]))
read("a,b")
old = csv.field_size_limit(3)
read(["abc,de"])
read(["abcd"])
read(['"ab', 'cd"'])
csv.field_size_limit(old)
try:
    csv.reader(5)
except TypeError as e:
    print("TypeError", e)


class Lines:
    def __iter__(self):
        return self

    def __next__(self):
        raise ValueError("from the file")


read(Lines())
r = csv.reader(io.StringIO("a,b\r\n\"c\r\nd\",e\r\n"))
print(list(r), r.line_num, r.dialect.delimiter)
r = csv.reader(["a"])
print(iter(r) is r, next(r), next(r, "done"))
