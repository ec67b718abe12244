# OrderedDict: an instance __dict__ (also under __slots__), __reduce__ through
# __getstate__, fromkeys(value=), weak references; dict and OrderedDict sizes.
import sys
from collections import OrderedDict
for n in [0,1,5,6,10,20,100,1000]:
    d=dict.fromkeys(map(str,range(n))); d2=dict.fromkeys(range(n))
    print(n, sys.getsizeof(d), sys.getsizeof(d2), {}.__sizeof__(), d.__sizeof__(), OrderedDict(d).__sizeof__(), OrderedDict(d2).__sizeof__())
od = OrderedDict(a=1)
print(od.__dict__, od.__reduce__()[2])
od.x = 10
print(od.__dict__, od.__reduce__()[2], vars(od))
import copy, pickle
c = copy.copy(od); print(c, c.x)
c = pickle.loads(pickle.dumps(od)); print(c, c.x)
print(OrderedDict.fromkeys('abc', value=1), OrderedDict.fromkeys('ab'))
import weakref
r = weakref.ref(od); print(r() is od); del od, c; print(r())
from collections import OrderedDict
import copy, pickle
class OD(OrderedDict):
    __slots__ = ('x', 'y')
od = OD(a=1)
od.x = ['x']; od.z = ['z']
print(od.__reduce__()[:4])
print(od.__reduce_ex__(2)[:4])
dup = copy.copy(od)
print(dup.__dict__, dup.x)
