# str/bytes/bytearray.maketrans are static methods (staticmethod objects in
# the class __dict__), callable on the class and on instances.
for t in (str, bytes, bytearray):
    m = t.__dict__["maketrans"]
    print(t.__name__, type(m).__name__, type(t.maketrans).__name__, t.maketrans.__name__)
print(str.maketrans("ab", "cd"), "x".maketrans({"a": "b"}), bytes.maketrans(b"a", b"b")[97:98], bytearray.maketrans(b"a", b"c")[97])
