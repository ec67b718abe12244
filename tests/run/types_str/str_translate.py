# str.maketrans in its three forms, str.translate, their errors, and the
# order in which translate asks a table.
print(str.maketrans("ab", "xy"), str.maketrans("ab", "cd", "e"), "".maketrans({"a": "xyz", 98: None, True: 5}), str.maketrans({}))
print("hello".translate(str.maketrans("lo", "LO", "h")), "héllo".translate({ord("é"): "e", ord("l"): None}))
print(repr("ab€c".translate({97: "AA", 8364: None, 99: 0x1F600})), repr("abc".translate([None, "x"] * 50)), repr("".translate({})))
print(repr("xyz".translate("abcdefghijklmnopqrstuvwxyz" * 5)), repr("a\ud800b".translate({0xD800: "X"})), "aaa".translate({97: 98}))
for bad in (lambda: str.maketrans(), lambda: str.maketrans(1, 2, 3, 4), lambda: str.maketrans("a", 1), lambda: str.maketrans(1, "a"),
            lambda: str.maketrans("a", "b", 1), lambda: str.maketrans("ab", "c"), lambda: str.maketrans({"ab": 1}),
            lambda: str.maketrans({1.5: 1}), lambda: str.maketrans([1]), lambda: str.maketrans(x={}),
            lambda: "abc".translate({97: 2 ** 70}), lambda: "abc".translate({97: -1}), lambda: "abc".translate({97: 0x110000}),
            lambda: "abc".translate({97: 1.5}), lambda: "abc".translate(1), lambda: "abc".translate(),
            lambda: "abc".translate(table={}), lambda: "abc".translate({}, 1)):
    try:
        print(bad())
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)


class Loud:
    def __getitem__(self, k):
        print("get", chr(k), end="; ")
        if k == ord("x"):
            return None
        if k == ord("b"):
            return "\u00e9"
        if k == ord("z"):
            raise KeyError(k)
        return k


print(repr("aabxxyxzaa".translate(Loud())))
print(repr("aaxxyaz".translate(Loud())))
print(repr("aé".translate(Loud())))


class Missing(dict):
    def __missing__(self, k):
        print("missing", k)
        return None if k % 2 else k + 1


print(repr("abcab".translate(Missing({97: "A"}))))


class S(str):
    pass


print(type(S("ab").translate({})).__name__, type(str.maketrans("", "")).__name__, S("xy").__getnewargs__(), "abc".__getnewargs__())
it = iter("héllo")
print(it.__length_hint__(), next(it), next(it), it.__length_hint__(), "".join(it), it.__length_hint__())
