# enumerate and zip: starts, keywords, unequal lengths, laziness (an
# iterator shared between arguments), nesting, and their errors.
names = ["a", "b", "c"]
print(list(enumerate(names)), list(enumerate(names, 10)), list(enumerate(names, start=-1)))
print(list(enumerate(iterable=names, start=5)), list(enumerate("")))
for i, (n, v) in enumerate(zip(names, range(100))):
    print(i, n, v)
print(list(zip()), list(zip([1, 2, 3])), list(zip([1, 2, 3], "ab", (True, False, None))))
shared = iter(range(6))
print(list(zip(shared, shared)))
e = enumerate([7, 8])
print(next(e), next(e), next(e, "done"))
print(type(e) is enumerate, type(zip()) is zip, isinstance(zip(), zip))
print(dict(zip(["x", "y"], [1, 2])) if False else [k + str(v) for k, v in zip("xy", [1, 2])])
for bad in [lambda: zip(1), lambda: zip([1], 2), lambda: enumerate(1), lambda: enumerate([1], "a"),
            lambda: enumerate(), lambda: enumerate([1], 2, 3), lambda: zip(x=1), lambda: enumerate([], foo=1)]:
    try:
        bad()
    except TypeError as err:
        print(err)
