# Recursion that runs through native code (slots calling dunders that are
# themselves native methods) raises RecursionError, never overflows.

class Foo:
    pass

Foo.__repr__ = Foo.__str__          # test_descr's test_repr_as_str
for f in (str, repr):
    try:
        f(Foo())
    except RecursionError as e:
        print(f.__name__, "RecursionError:", e)


class Getter:
    def __getattr__(self, name):
        return getattr(self, "x" + name)

try:
    Getter().y
except RecursionError as e:
    print("getattr RecursionError:", e)


class Eq:
    def __eq__(self, other):
        return self == other

try:
    Eq() == Eq()
except RecursionError as e:
    print("eq RecursionError:", e)


class Rep:
    def __repr__(self):
        return repr([self])

try:
    repr(Rep())
except RecursionError as e:
    print("repr RecursionError")

# The interpreter is still usable afterwards.
print(repr(Foo.__str__ is object.__str__), [str(i) for i in range(3)])
