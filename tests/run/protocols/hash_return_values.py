# What a class's __hash__ returns becomes hash() as CPython's slot_tp_hash
# makes it: an int within 64 bits is used as it is (-1 becomes -2), a
# bigger one is hashed; so an object can hash like a str and find it in a
# dict (test_dict's test_str_nonstr).
class H:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h

class MyInt(int):
    pass

for h in (0, 1, -1, -2, 2**47, 2**61 - 1, 2**61, 2**63 - 1, -2**63, 2**63, 2**64 + 5, -2**100, True, MyInt(7)):
    print(repr(h)[:30], hash(H(h)) == (h if -2**63 <= h < 2**63 and h != -1 else hash(h) if h != -1 else -2), hash(H(h)))
print(hash(H(hash("key3"))) == hash("key3"))
for bad in (1.5, "x", None):
    try:
        hash(H(bad))
    except TypeError as e:
        print(type(bad).__name__, e)

class StrSub(str):
    pass

class Key3:
    def __hash__(self):
        return hash("key3")
    def __eq__(self, other):
        return isinstance(other, Key3) or isinstance(other, str) and other == "key3"

for key3 in (StrSub("key3"), Key3()):
    dicts = [{"key1": 42, "key2": 43, key3: 44}]
    d = {"key1": 42, "key2": 43}
    d[key3] = 44
    dicts.append(d)
    d = {"key1": 42, "key2": 43}
    d.setdefault(key3, 44)
    dicts.append(d)
    d = {"key1": 42, "key2": 43}
    d.update({key3: 44})
    dicts.append(d)
    d = {"key1": 42, "key2": 43}
    d.update([(key3, 44)])
    dicts.append(d)
    dicts.append(dict(key1=42, key2=43) | {key3: 44})
    for d in dicts:
        print(type(key3).__name__, d.get("key3"), d[Key3()], d[StrSub("key3")], "key3" in d, len(d))
    s = {"key1", key3}
    print("key3" in s, Key3() in s, StrSub("key3") in s)
