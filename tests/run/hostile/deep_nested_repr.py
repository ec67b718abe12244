deep = []
for _ in range(100000):
    deep = [deep]
try:
    repr(deep)
except RecursionError as e:
    print(type(e).__name__, e)
try:
    print(deep)
except RecursionError as e:
    print(type(e).__name__, e)

nested_dict = {}
for i in range(100000):
    nested_dict = {"k": nested_dict}
try:
    str(nested_dict)
except RecursionError as e:
    print(type(e).__name__, e)

t = ()
for _ in range(100000):
    t = (t,)
try:
    repr(t)
except RecursionError as e:
    print(type(e).__name__, e)

shallow = []
for _ in range(50):
    shallow = [shallow]
print(repr(shallow))

a, b = [], []
for _ in range(100000):
    a, b = [a], [b]
try:
    print(a == b)
except RecursionError as e:
    print(type(e).__name__, e)
del deep, nested_dict, t, a, b
print("deallocated without crashing")
