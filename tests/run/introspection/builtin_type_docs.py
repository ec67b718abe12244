# The built-in types' docstrings: the machine-readable signature
# (__text_signature__) or, for types without one, the call-signature lines
# that open the doc. The prose after them is each implementation's own.
types = [object, type, int, bool, float, complex, str, bytes, bytearray, memoryview, list,
         tuple, dict, set, frozenset, range, slice, enumerate, zip, map, filter, reversed,
         super, property, classmethod, staticmethod]
for t in types:
    doc = t.__doc__
    sig = t.__text_signature__
    if sig is None:
        lines = [l for l in doc.split("\n\n")[0].split("\n") if "->" in l]
        print(t.__name__, "lines:", [l.split("->")[0].strip() for l in lines])
    else:
        print(t.__name__, "text signature:", sig, type(doc).__name__)
    print("  in __dict__:", "__doc__" in t.__dict__, isinstance(doc, str))

class Plain:
    pass

class Documented:
    """A class's own doc."""

print(Plain.__doc__, Documented.__doc__, Plain.__text_signature__, Documented.__text_signature__)
print(Documented().__doc__, type(None).__doc__)
