# str.split/rsplit/splitlines/partition/join, keywords and errors included.
for s in ["a b  c", "  lead and trail  ", "", "   ", "a\tb\nc\x0bd\x1ce\u3000f\u00a0g", "one"]:
    print(repr(s), s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=0))
for s, sep in [("a,b,,c", ","), (",a,", ","), ("aaa", "a"), ("abcabc", "bc"), ("é☕é", "☕"), ("x", "xx")]:
    print(repr(s), s.split(sep), s.rsplit(sep), s.split(sep, 1), s.rsplit(sep, 1), s.split(sep=sep, maxsplit=-5))
text = "l1\nl2\r\nl3\rl4\x0bl5\x0cl6\x1cl7\x1dl8\x1el9\x85l10\u2028l11\u2029l12\n"
print(text.splitlines(), text.splitlines(True), "".splitlines(), "\n\n".splitlines(keepends=True))
print("ab=cd=ef".partition("="), "ab=cd=ef".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "☕".join(("é", "ö")), "+".join(iter(["p", "q"])))
print("".join(str(i) for i in range(5)), " ".join({"k1": 1, "k2": 2}), "x".join(["solo"]))
bad = [lambda: "a".split(""), lambda: "a".rsplit(""), lambda: "a".split(1), lambda: "a".split(",", "1"),
       lambda: "a".split(",", 1, 2), lambda: "a".split(x=1), lambda: "a".split(",", sep=","),
       lambda: "a".split(None, 2 ** 70), lambda: "a".splitlines(1, 2), lambda: "a".splitlines("x"),
       lambda: "a".partition(""), lambda: "a".partition(1), lambda: "a".rpartition(),
       lambda: "".join([1]), lambda: "".join(["a", None]), lambda: "".join(5), lambda: "".join(),
       lambda: "".join(x=[])]
for b in bad:
    try:
        print(repr(b()))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
