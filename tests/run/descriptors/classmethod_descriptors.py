# Built-in class methods are classmethod_descriptors in the type's __dict__:
# repr, names, __get__, direct calls, subclasses.
for t, name in ((dict, "fromkeys"), (bytes, "fromhex"), (int, "from_bytes"), (float, "fromhex"), (bytearray, "fromhex")):
    d = t.__dict__[name]
    print(t.__name__, name, type(d).__name__, repr(d), d.__name__, d.__qualname__)
    print(d.__get__(None, t)("41" if "hex" in name else ([1] if t is dict else b"\x01"), *(("big",) if t is int else ())))
print(dict.__dict__["fromkeys"](dict, "ab"))
class D(dict):
    pass
print(type(D.fromkeys("x")).__name__, type(dict.__dict__["get"]).__name__)
