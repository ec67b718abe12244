s = "Hello, World"
print(s.upper(), s.lower(), s.swapcase(), s.title(), "hello world".capitalize(), "ß".upper(), "ǅ".lower())
print(s.find("o"), s.rfind("o"), s.find("z"), s.index("W"), s.count("l"), s.count(""), "aaa".count("aa"))
print(s.startswith("Hell"), s.endswith(("x", "ld")), s.startswith("World", 7), "abc".startswith(""))
print(s.replace("l", "L"), s.replace("l", "L", 2), "aaa".replace("", "-"), "abc".replace("", ""))
print(s.split(), s.split(","), "a,b,,c".split(","), "a b  c".split(" "), "  lead trail  ".split())
print("a,b,c".split(",", 1), "a,b,c".rsplit(",", 1), "line1\nline2\r\nline3".splitlines(), "x\n".splitlines(True))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("abc"), "ab".partition("b"), "abc".rpartition("x"))
print("  pad ".strip(), "xxhixx".strip("x"), "  l".lstrip(), "r  ".rstrip(), "abcba".strip("ab"))
print("5".zfill(3), "-5".zfill(4), "ab".center(7, "*"), "ab".ljust(5, "."), "ab".rjust(5), "tab\tbed".expandtabs(4))
print("abc".isalpha(), "a1".isalnum(), "123".isdigit(), "١٢".isdecimal(), " ".isspace(), "Ab".istitle(), "ab".islower(), "".isupper())
print("abc".encode(), "é".encode("utf-8"), "é".encode("latin-1"), b"caf\xc3\xa9".decode(), "x".isidentifier(), "1x".isidentifier())
print("hello".removeprefix("he"), "hello".removesuffix("lo"), "aBc".casefold(), "ﬁ".casefold())
print(str.maketrans("ab", "xy"), "abc".translate(str.maketrans("ab", "xy", "c")), "%d%%" % 50)
for bad in (lambda: s.index("z"), lambda: "".join([1]), lambda: "a".split(""), lambda: "x".center(5, "ab"),
            lambda: "é".encode("ascii"), lambda: b"\xff".decode(), lambda: "a" + 1, lambda: "a" * "b"):
    try:
        bad()
    except (ValueError, TypeError, UnicodeError) as e:
        print(type(e).__name__, e)
