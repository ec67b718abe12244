lst = list(range(5))
for x in lst:
    if x % 2 == 0:
        lst.remove(x)
print(lst)
lst = [1]
count = 0
for x in lst:
    count += 1
    if count < 5:
        lst.append(x + 1)
print(lst)
d = {1: 1}
try:
    for k in d:
        d[k + 1] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
s = {1, 2}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print(type(e).__name__, e)
class Evil:
    def __eq__(self, other):
        victim.clear()
        return False
    __hash__ = object.__hash__
victim = [Evil(), 1, 2]
print(Evil() in victim, victim)
victim_dict = {}
class EvilKey:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        victim_dict.clear()
        return False
victim_dict[EvilKey()] = 1
print(victim_dict.get(EvilKey()), len(victim_dict))
lst = [3, 1, 2]
def key(v):
    lst.append(v)
    return v
try:
    lst.sort(key=key)
except ValueError as e:
    print(type(e).__name__, e)
print(lst)
