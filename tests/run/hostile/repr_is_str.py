# A repr that reaches itself again through object.__str__ (issue #11603)
# is a RecursionError, not a crash of the interpreter.

class Foo:
    pass

Foo.__repr__ = Foo.__str__
foo = Foo()
for f in (str, repr, format):
    try:
        f(foo)
    except RecursionError:
        print(f.__name__, "RecursionError")

class Bar:
    def __str__(self):
        return repr(self)
    def __repr__(self):
        return str(self)
try:
    str(Bar())
except RecursionError:
    print("Bar RecursionError")
print("still running")
