class Evens:
    def __contains__(self, x):
        print("__contains__", x)
        return x % 2 == 0

e = Evens()
print(4 in e, 3 in e, 3 not in e)

class Weird:
    def __contains__(self, x):
        return "truthy string"
print(1 in Weird())

class IterOnly:
    def __iter__(self):
        print("__iter__ used")
        return iter([1, 2, 3])
print(2 in IterOnly(), 5 in IterOnly())

class GetItemOnly:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * 10
print(20 in GetItemOnly(), 25 in GetItemOnly())

try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
try:
    [] in {}
except TypeError as e:
    print(type(e).__name__, e)
print("" in "abc", "bc" in "abc", 1 in {1: 2}, 2 in {1: 2}, (1, 2) in [(1, 2)], None in [None])
class Inf:
    def __iter__(self):
        n = 0
        while True:
            yield n
            n += 1
print(100 in Inf())
