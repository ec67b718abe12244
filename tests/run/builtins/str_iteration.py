# Iterating strings: ASCII, two-, three- and four-byte code points and a
# lone surrogate, each item a one-character str.
for c in "aé日🐍\ud800z": print(repr(c), len(c))
print(list(""), list("ab"), sorted if False else 1)
