def f(x):
    match x:
        case [a]:
            return f"one item {a}"
        case [a, b] if a == b:
            return f"pair of equal {a}"
        case [a, b]:
            return f"pair {a} {b}"
        case (first, *middle, last):
            return f"first={first} middle={middle} last={last}"
        case other:
            return f"captured {other!r}"

for v in ([1], [2, 2], (3, 4), [1, 2, 3, 4], "str", {"a": 1}, 5, (), range(3)):
    print(f(v))

match 42:
    case n:
        print("bound n =", n)
print("n after match:", n)

match [1, 2]:
    case [x, y] if x > y:
        print("never")
    case [x, y]:
        print("guard failed; x, y =", x, y)

def guard_side_effects(v):
    log = []
    match v:
        case [a] if log.append(a) or a > 0:
            return "positive", log
        case [a]:
            return "non-positive", log
print(guard_side_effects([5]), guard_side_effects([-5]))
