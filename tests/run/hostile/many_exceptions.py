# Raising and catching at scale; deep exception chains.
count = 0
for i in range(100000):
    try:
        raise ValueError(i)
    except ValueError:
        count += 1
print(count)

def chain(depth):
    try:
        if depth == 0:
            raise KeyError("root")
        chain(depth - 1)
    except Exception as e:
        raise RuntimeError(f"level {depth}") from e
try:
    chain(200)
except RuntimeError as e:
    n = 0
    cur = e
    while cur.__cause__ is not None:
        cur = cur.__cause__
        n += 1
    print(n, repr(cur), str(e))

ctx = None
for i in range(1000):
    try:
        try:
            raise TypeError(i)
        finally:
            pass
    except TypeError as e:
        ctx = e
print(repr(ctx), ctx.__context__)

def self_context():
    try:
        raise ValueError("a")
    except ValueError as e:
        try:
            raise e
        except ValueError as again:
            return again is e, again.__context__
print(self_context())
e1, e2 = ValueError("1"), ValueError("2")
e1.__context__ = e2
e2.__context__ = e1
try:
    raise e1
except ValueError as got:
    print("cyclic context survives:", repr(got.__context__), repr(got.__context__.__context__))
