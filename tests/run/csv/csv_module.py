# CPython's csv.py over _csv: DictReader, DictWriter, Sniffer, dialect
# classes and a round trip through a file.
import csv
import io
import os
import tempfile

data = "name,age,city\r\nAda,36,London\r\nAlan,41,\"Wilmslow, Cheshire\"\r\nGrace,85\r\n"
r = csv.DictReader(io.StringIO(data))
print(r.fieldnames)
for row in r:
    print(row)
print(r.line_num)

r = csv.DictReader(io.StringIO("a,b\r\n1,2,3,4\r\n5\r\n"), restkey="more", restval="?")
print(list(r))
r = csv.DictReader(io.StringIO("1;2\n3;4\n"), fieldnames=["x", "y"], delimiter=";")
print(list(r))

out = io.StringIO()
w = csv.DictWriter(out, fieldnames=["x", "y"], restval="-", quoting=csv.QUOTE_NONNUMERIC)
w.writeheader()
w.writerow({"x": 1, "y": "a"})
w.writerows([{"x": 2.5}, {"y": None}])
print(repr(out.getvalue()))
try:
    w.writerow({"z": 1})
except ValueError as e:
    print("ValueError", e)
w = csv.DictWriter(io.StringIO(), ["x"], extrasaction="ignore")
print(w.writerow({"x": 1, "z": 2}))
try:
    csv.DictWriter(io.StringIO(), ["x"], extrasaction="bad")
except ValueError as e:
    print("ValueError", e)

sample = "a;b;c\n1;2;3\n4;5;6\n"
s = csv.Sniffer()
d = s.sniff(sample)
print(d.delimiter, repr(d.quotechar), d.doublequote, d.skipinitialspace, repr(d.lineterminator))
print(s.has_header("name,age\nAda,36\nAlan,41\n"), s.has_header("1,2\n3,4\n"))
d = s.sniff("'a','b'\n'c','d'\n")
print(d.delimiter, d.quotechar)
try:
    s.sniff("")
except csv.Error as e:
    print("csv.Error", e)

path = os.path.join(tempfile.mkdtemp(), "t.csv")
rows = [["id", "text"], [1, "plain"], [2, "with, comma"], [3, 'with "quotes"'], [4, "multi\nline"], [5, ""]]
with open(path, "w", newline="") as f:
    csv.writer(f).writerows(rows)
with open(path, newline="") as f:
    back = list(csv.reader(f))
print(back)
with open(path, "rb") as f:
    print(f.read())
os.remove(path)
os.rmdir(os.path.dirname(path))

print(csv.excel.delimiter, csv.excel_tab.delimiter, csv.unix_dialect.quoting == csv.QUOTE_ALL)
print(csv.__all__[:6], csv.Error is __import__("_csv").Error)
