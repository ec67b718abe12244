def stub():
    ...
def stub2():
    pass
class Empty:
    pass
print(stub(), stub2(), Empty.__name__)
print(..., Ellipsis is ..., type(...).__name__, repr(...))
x = 1; y = 2; print(x + y)
if x: print("one-line if")
for i in range(2): print("one-line for", i)
while x: x -= 1; print("one-line while")
"""A string statement does nothing."""
42
print(__doc__)
def doc():
    "docstring"
    return doc.__doc__
print(doc())
def not_doc():
    x = 1
    "not a docstring"
print(not_doc.__doc__)
class Doc:
    """class doc"""
print(Doc.__doc__, type(None).__name__)
