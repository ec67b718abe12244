s = "naïve café ☕ 𝔘𝔫𝔦"
print(len(s), s[2], s[-1], s[11], s[13:], s[::-1])
print([ord(c) for c in s[-3:]], chr(0x1F600), "\U0001F600" == chr(128512), len("\U0001F600"))
print("\N{GREEK SMALL LETTER ALPHA}", "\u00e9" == "é", "e\u0301" == "é", len("e\u0301"))
print(repr("\x00\t\x1b\x7f\x80\xa0\u2028\ud800"), ascii("\ud800"))
print("straße".upper(), "İ".lower(), len("İ".lower()), "ﬀ".upper(), "Σίσυφος".upper(), "ΣΑΣ".lower())
try:
    s[100]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[0] = "N"
except TypeError as e:
    print(type(e).__name__, e)
print("abc" < "abd", "Z" < "a", "é" > "z", "" < "\x00", sorted(["b", "A", "a", "B", "é"]))
print("ab" * 3, 3 * "x", "ab" * 0, "ab" * -1, "x" in "xyz", "xz" in "xyz")
print(str(b"bytes"), str(b"caf\xc3\xa9", "utf-8"), str(b"\xff", "utf-8", "replace"), str(b"\xff", "latin-1"))
print("\xff".encode("utf-8", "surrogateescape"), b"\xff".decode("utf-8", "surrogateescape") == "\udcff")
print(hash("abc") == hash("ab" + "c"), "a".join("123"))
print("{}".format("é"), "%s" % "☕", "é".center(5, "·"), max("abc"), min("cba"))
