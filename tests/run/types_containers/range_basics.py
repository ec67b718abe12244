r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], 8 in r, 9 in r, r.index(11), r.count(5))
print(range(5), range(0), list(range(-3)), list(range(5, 0, -2)), range(3) == range(0, 3), range(0) == range(5, 5))
print(len(range(10 ** 18)), range(10 ** 18)[-1], 10 ** 17 in range(0, 10 ** 18, 7), range(10 ** 30)[10 ** 29])
try:
    len(range(10 ** 19))
except OverflowError as e:
    print(type(e).__name__, e)
print(range(10 ** 19)[5], range(10 ** 19).stop, (10 ** 19 - 1) in range(10 ** 19), range(-10 ** 20, 10 ** 20)[0])
for bad in (lambda: range(1, 2, 0), lambda: range(1.5), lambda: range(5)[10], lambda: range(5).index(7),
            lambda: range("a"), lambda: range()):
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(hash(range(3)) == hash(range(0, 3, 1)), range(1, 5).start, range(1, 5).stop, range(1, 5).step)
print(sum(range(101)), list(reversed(range(3))), min(range(5, 10)), max(range(5, 10)))
print(range(0, 10, 2)[2:], range(10)[::3], range(10)[-100:100], list(range(10)[8:2:-2]))
it = iter(range(3))
print(next(it), list(it), type(iter(range(3))).__name__, type(iter(range(10 ** 20))).__name__)
