# str.title, str.swapcase and str.capitalize over every code point
# 0..0x10FFFF (lone surrogates too): one line per code point that any of
# them changes, with each result's code points in hex ("=" where the
# result is the character itself). unicode_case.py does upper, lower,
# casefold and the multi-character cases.
import operator

chars = [chr(i) for i in range(0x110000)]
methods = [str.title, str.swapcase, str.capitalize]
changes = []  # per method: {code point: result} where the result differs
for m in methods:
    res = list(map(m, chars))
    flags = bytes(map(operator.ne, chars, res))
    found = {}
    i = flags.find(1)
    while i != -1:
        found[i] = res[i]
        i = flags.find(1, i + 1)
    changes.append(found)
    print(m.__name__, len(found))
del res

def show(i, found):
    r = found.get(i)
    return "=" if r is None else ".".join("%x" % ord(x) for x in r)

for i in sorted(set().union(*changes)):
    print("%x" % i, " ".join(show(i, found) for found in changes))
