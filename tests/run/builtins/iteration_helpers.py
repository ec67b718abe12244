class Bag:
    def __init__(self, *items):
        self.items = items
    def __iter__(self):
        return iter(self.items)
    def __len__(self):
        return len(self.items)
    def __reversed__(self):
        print("__reversed__ used")
        return reversed(self.items)

b = Bag(3, 1, 2)
print(sorted(b), list(reversed(b)), max(b), min(b), sum(b), len(b), list(enumerate(b, 10)))
print(list(zip(b, "xyz", [True, False, None])), dict(zip("abc", b)), set(b) == {1, 2, 3})
print(list(map(pow, b, [2, 2, 2])), list(filter(lambda v: v > 1, b)), any(v > 2 for v in b))
class SeqOnly:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(reversed(SeqOnly())), list(SeqOnly()))
try:
    reversed(Bag.__iter__)
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed({1: 2}.items()) and print("dict items are reversible")
except TypeError as e:
    print(type(e).__name__, e)
it = iter([1, 2, 3])
print(next(it), list(zip(it, it)))
print(list(zip(*[(1, "a"), (2, "b")])), list(map(lambda *a: a, "ab", "cd")))
print(sorted([(1, "b"), (1, "a"), (0, "c")], key=lambda t: t[0]), sorted("bCa", key=str.lower))
print(all(x for x in []), any(x for x in []), sum([], start=[]), sum([[1], [2]], start=[]))
print(list(iter(iter([5, 6]))), next(iter(()), "empty"), enumerate("ab").__next__())
