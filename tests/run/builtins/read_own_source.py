# A program that reads its own file through __file__.
with open(__file__, encoding="utf-8") as f:
    lines = f.readlines()
print(len(lines), lines[0].rstrip())
print(sum(1 for l in lines if l.lstrip().startswith("#")))
with open(__file__, "rb") as f:
    head = f.read(8)
print(head, type(head).__name__)
import os
print(os.path.basename(__file__), os.path.isfile(__file__), os.path.isabs(__file__))
try:
    open(__file__ + ".does-not-exist")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    open(__file__, "r", encoding="no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)
