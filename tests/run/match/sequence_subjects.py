# Which subjects sequence patterns accept, and what they bind, without
# bytes, bytearray or collections.deque (see sequences.py for those).
def kind(x):
    match x:
        case []:
            return "empty sequence"
        case [*_]:
            return "sequence"
        case _:
            return "not a sequence"

class WithLenAndItems:
    # Has __len__ and __getitem__, but no sequence flag: not a sequence.
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return i

def gen():
    yield 1

for v in ([], (), [1], (1, 2), range(0), range(3), "", "abc", {}, {"a": 1}, set(), {1},
          frozenset({1}), 5, 2.5, None, True, iter([1]), gen(), WithLenAndItems(),
          list, print):
    print(type(v).__name__, "->", kind(v))

# Stars bind lists, whatever the subject.
for subject in ([1, 2, 3, 4], (1, 2, 3, 4), range(1, 5)):
    match subject:
        case [first, *middle, last]:
            print(type(subject).__name__, first, middle, last, type(middle).__name__)
    match subject:
        case [*head, _, _]:
            print("head", head)
    match subject:
        case [_, *tail]:
            print("tail", tail)
    match subject:
        case [*everything]:
            print("everything", everything)

# *_ indexes the subject instead of unpacking it: items after the star
# are found from len().
class Recording:
    pass

match range(10, 20):
    case [a, b, *_, y, z]:
        print("ends of a range", a, b, y, z)
match (1, 2):
    case [a, *_, b]:
        print("two items, star empty", a, b)
match [1]:
    case [a, *_, b]:
        print("never")
    case [*_, last]:
        print("only", last)

# Lengths are checked before items are looked at.
for subject in ([], [1], [1, 2], [1, 2, 3], [1, 2, 3, 4]):
    match subject:
        case [_, _, _, *_]:
            print(len(subject), "at least three")
        case [_, _]:
            print(len(subject), "exactly two")
        case [*rest] if len(rest) < 2:
            print(len(subject), "fewer than two:", rest)
        case other:
            print(len(subject), "otherwise", other)

# Nested sequences and wildcards.
def shape(v):
    match v:
        case [[_, _], [_, _]]:
            return "2x2"
        case [[*row], *rows] if all(len(r) == len(row) for r in rows):
            return f"{1 + len(rows)}x{len(row)}"
        case [(a, b), *_] if a == b:
            return "starts with a pair of equals"
        case _:
            return "ragged"

for v in ([[1, 2], [3, 4]], [[1, 2, 3], [4, 5, 6], [7, 8, 9]], [(5, 5), [1]], [[1], [2, 3]], [[]]):
    print(v, shape(v))

# A string is not a sequence for patterns, even inside one.
match ["ab", "c"]:
    case [[x, y], z]:
        print("unpacked a string?", x, y, z)
    case [str() as s, str() as t]:
        print("two strings", s, t)
