l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.insert(100, 99); l.insert(-100, -1)
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(3)
print(l, l.index(2), l.count(1), l.index(2, 1) if 2 in l[1:] else None)
l.sort(); print(l)
l.sort(reverse=True); print(l)
l.reverse(); print(l)
c = l.copy(); c.clear(); print(c, l)
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "a")]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs))
for bad in (lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(2),
            lambda: [1, "a"].sort(), lambda: [][0], lambda: [].insert()):
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print([1, 2] + [3], [0] * 3, [[0]] * 2, list("abc"), list(range(3)), list({"a": 1}), [] == [], [1, [2]] == [1, [2]])
m = [[0] * 2] * 2
m[0][0] = 1
print(m)
l2 = [5, 3, 8]
l2.sort(key=lambda x: -x)
print(l2, l2 * 0, len([None] * 1000))
def bad_key(x):
    l3.append(x)
    return x
l3 = [2, 1]
try:
    l3.sort(key=bad_key)
except ValueError as e:
    print(type(e).__name__, e)
