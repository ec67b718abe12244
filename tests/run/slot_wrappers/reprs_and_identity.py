# What slot wrappers look like: their reprs (addresses masked), types,
# names, and identity (one wrapper per type and name, found in the type's
# namespace and through dir()).
def masked(x):
    """repr(x) with its addresses (0x...) masked."""
    text, out, i = repr(x), [], 0
    while i < len(text):
        if text.startswith("0x", i):
            out.append("0x...")
            i += 2
            while i < len(text) and text[i] in "0123456789abcdef":
                i += 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)

print(int.__add__, str.__contains__, list.__len__, object.__lt__, list.__setitem__)
print(masked((3).__add__), masked("ab".__contains__), masked([].__len__), masked(object().__eq__))
print(type(int.__add__).__name__, type((3).__add__).__name__, type(list.append).__name__, type([].append).__name__)
print(int.__add__.__name__, int.__add__.__qualname__, int.__add__.__objclass__, list.append.__qualname__)
m = (3).__add__
print(m.__name__, m.__qualname__, m.__self__, m.__objclass__, m(4))
print(int.__add__ is int.__add__, (1).__add__ == (1).__add__, (1).__add__ == (2).__add__, hash(m) == hash((3).__add__))
print(int.__dict__["__add__"] is int.__add__, vars(int)["__radd__"] is int.__radd__, list.__dict__["__hash__"])
print(bool.__add__ is int.__add__, bool.__and__, bool.__repr__, bool.__bool__)
print(object.__init__, object.__eq__, object.__dict__["__init__"] is object.__init__)
class Plain:
    pass
print(Plain.__init__ is object.__init__, Plain.__eq__ is object.__eq__, Plain.__hash__ is object.__hash__)
print(Plain.__repr__, masked(Plain().__repr__)[:55])
print(masked(int.__new__), masked(object.__subclasshook__), masked(object.__init_subclass__))
print(vars(object)["__init_subclass__"], vars(object)["__subclasshook__"], object.__dict__["__class__"])
print(masked(int.__call__), int.__call__("12"), masked(type.__dict__["__call__"]))
print(sorted(vars(object)))
names = ["__add__", "__radd__", "__neg__", "__index__", "__bool__", "__lt__", "__hash__", "__divmod__", "__iadd__"]
print([n for n in names if n in dir(int)], [n for n in names if n in dir(5)])
print([n for n in ["__len__", "__getitem__", "__setitem__", "__delitem__", "__contains__", "__iadd__", "__imul__", "__rmul__"] if n in dir([])])
print([n for n in ["__len__", "__getitem__", "__setitem__", "__contains__", "__add__", "__radd__", "__mod__", "__rmod__"] if hasattr(str, n)])
print(sorted(k for k in vars(dict) if k.startswith("__") and k in {"__len__", "__getitem__", "__setitem__", "__delitem__", "__contains__", "__iter__", "__eq__", "__hash__"}))
print(type(str.__dict__["__contains__"]).__name__, type(dict.__dict__["__contains__"]).__name__)
