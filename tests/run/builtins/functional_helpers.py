print(list(map(lambda x: x * 2, [1, 2, 3])), list(map(pow, [2, 3], [3, 2])) if False else 0)
print(list(filter(None, [0, 1, 2, "", "a"])), list(filter(lambda x: x > 1, range(5))))
print(list(reversed([1, 2, 3])), list(reversed(range(5))), list(reversed("abc")), list(reversed((1, 2))))
print(all([]), all([1, 0]), any([]), any([0, 3]), all(x > 0 for x in [1, 2]))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2))
print(min([3, 1, 2]), max([3, 1, 2], key=lambda x: -x), min([], default=9), max("abc", "b"))
print(range(10)[3], range(10)[-1], range(0, 20, 3)[2:5], range(10)[::-1], list(range(10)[::3]))
for t in ["divmod('a', 1)", "min([])", "reversed(5)", "map(len)", "range(3)[5]", "range(3)['a']"]:
    pass
try: divmod('a', 1)
except TypeError as e: print(e)
try: min([])
except ValueError as e: print(e)
try: reversed(5)
except TypeError as e: print(e)
try: map(len)
except TypeError as e: print(e)
try: range(3)[5]
except IndexError as e: print(e)
try: range(3)['a']
except TypeError as e: print(e)
print(NotImplemented, Ellipsis, issubclass(TabError, SyntaxError))
