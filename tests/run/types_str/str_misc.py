print(str(), str(123), str([1, "a"]), str(None), str(object)[:8], str(str))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=len), sorted(set(words)) == sorted(dict.fromkeys(words)))
print(" ".join(reversed(words)), [w[::-1] for w in words[:3]])
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print("".join(sorted("mississippi")), "mississippi".index("ss", 3), "mississippi".rindex("ss"))
print(f"{'abc':*>10}", "abc".__len__(), "abc".__contains__("b"), "abc".__getitem__(1), "abc".__add__("d"))
s = ""
for i in range(5):
    s += str(i)
print(s, s.isnumeric(), int(s) + 1)
print(repr(str.__doc__[:20]), type("a").__mro__)
class S(str):
    def shout(self):
        return self.upper() + "!"
x = S("hey")
print(x.shout(), type(x + "a").__name__, type(x.upper()).__name__, x == "hey", repr(x), isinstance(x, str))
print("a\tb".split("\t"), "a\x0bb\x0cc\x1cd".split(), "a\u3000b".split(), "\u00a0".isspace())
print(str.join(",", ["x", "y"]), str.upper("q"), "".join(map(str, range(3))))
