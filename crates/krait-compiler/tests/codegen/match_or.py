# match: or-patterns, with captures bound in different orders (the [positions]
# rotations), inside sequences, mappings and classes, and as-patterns.
def f(v):
    match v:
        case 1 | 2 | 3:
            return "small"
        case [x, 0] | [0, x]:
            return x
        case [a, b] | (b, a, _):
            return a, b
        case [a, b, c] | [c, b, a] | [b, c, a, _]:
            return a, b, c
        case {"k": ([x] | (x, _))} | Point(x=x):
            return x
        case [1, (2 | 3) as y, z] | [z, y, 1]:
            return y, z
        case ((p, q) | [q, p]) as pair:
            return p, q, pair
        case (Point(x=a) | Point3(y=a)) | [a]:
            return a

match value:
    case [x] | x:
        print(x)
