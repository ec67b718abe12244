def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, item in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [item] + rest

print(list(permutations("abc")))
print(sum(1 for _ in permutations(list(range(6)))))

def tree_walk(tree, depth=0):
    label, children = tree
    yield depth, label
    for child in children:
        yield from tree_walk(child, depth + 1)

tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [("b11", [])])])])
for depth, label in tree_walk(tree):
    print("  " * depth + label)

def chain(depth):
    if depth == 0:
        yield "bottom"
        return "returned from bottom"
    result = yield from chain(depth - 1)
    return result
g = chain(300)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print(e.value)
def powerset(s):
    if not s:
        yield ()
        return
    for sub in powerset(s[1:]):
        yield sub
        yield (s[0],) + sub
print(sorted(powerset((1, 2, 3)), key=lambda t: (len(t), t)))
