# OrderedDict reads values by looking each key up again (its hash
# recomputed), as CPython's C OrderedDict does: values(), items(), repr()
# and copy() of one whose keys changed hash raise KeyError, and so does
# iterating its keys.
from collections import OrderedDict

class Key:
    def __init__(self, n):
        self.n = n
        self.h = n
    def __hash__(self):
        return self.h
    def __repr__(self):
        return f'Key({self.n})'

od = OrderedDict()
keys = [Key(i) for i in range(5)]
for i, k in enumerate(keys):
    od[k] = i
print(list(od.values()), list(od.items())[:2], repr(od)[:30])
keys[3].h = 1000
for what, f in [('keys', lambda: list(od)), ('values', lambda: list(od.values())), ('items', lambda: list(od.items())),
                ('repr', lambda: repr(od)), ('copy', lambda: od.copy()),
                ('reversed values', lambda: list(reversed(od.values())))]:
    try:
        f()
        print(what, 'no error')
    except KeyError as e:
        print(what, 'KeyError', e)
keys[3].h = 3
print(list(od.values()), od.copy() == od)

class Sub(OrderedDict):
    pass
s = Sub()
s[keys[0]] = 'a'
keys[0].h = 77
try:
    list(s.items())
except KeyError as e:
    print('Sub items KeyError', e)
