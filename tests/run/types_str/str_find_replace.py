# find/rfind/index/rindex/count, startswith/endswith, replace, strip family.
s = "abcabcé☕abc"
for sub in ["abc", "c", "é☕", "☕a", "", "zz"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 2), s.rfind(sub, 0, -3),
          s.count(sub, 1, 8), s.find(sub, -4), s.find(sub, None, 5))
print("abc".find("", 3), "abc".find("", 4), "abc".rfind("", 4), "abc".count("", 3), "abc".count("", 10))
print("abc".index("c", -1), "abcb".rindex("b"), "aaaa".count("aa"), "a".find("a", 2 ** 70), "a".find("a", -2 ** 70))
print(s.startswith("abc"), s.startswith(("x", "ab")), s.endswith("abc"), s.endswith("é☕", 0, 8),
      s.startswith("é", 6), "a".startswith("", 1), "a".startswith("", 2), "ab".endswith(()), s.startswith(("", 1)))
print("aXbXc".replace("X", "--"), "aXbXc".replace("X", "", 1), "abc".replace("", "|"), "abc".replace("", "|", 2),
      "aaa".replace("a", "b", 0), "aaa".replace("a", "b", -3), "é☕é".replace("é", "e"), "".replace("", "x"))
print(repr("  \t pad \n ".strip()), repr("xxhixx".strip("x")), repr("  l ".lstrip()), repr(" r  ".rstrip()),
      repr("abcba".strip("ab")), repr("☕é☕".strip("☕")), repr("\u3000x\u2028".strip()), repr("ab".strip(None)), repr("".strip("a")))
print("hello".removeprefix("he"), "hello".removesuffix("lo"), "hello".removeprefix("x"), "hello".removesuffix(""))
bad = [lambda: "a".index("z"), lambda: "a".rindex("z"), lambda: "a".find(1), lambda: "a".find(),
       lambda: "a".find("a", "b"), lambda: "a".count("a", 1, 2, 3), lambda: "a".find(sub="a"),
       lambda: "a".startswith(1), lambda: "a".endswith(("a", 2)), lambda: "a".startswith("a", 1.5),
       lambda: "a".startswith(), lambda: "a".replace(1, "b"), lambda: "a".replace("a", 1),
       lambda: "a".replace("a"), lambda: "a".replace("a", "b", "c"), lambda: "a".replace("a", "b", count=1),
       lambda: "a".strip(1), lambda: "a".lstrip("a", "b"), lambda: "a".rstrip(chars="a"),
       lambda: "a".removeprefix(1), lambda: "a".removesuffix()]
for b in bad:
    try:
        print(repr(b()))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
