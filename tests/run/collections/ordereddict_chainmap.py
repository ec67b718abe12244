# collections.OrderedDict and ChainMap through the real collections module.
from collections import OrderedDict, ChainMap

od = OrderedDict(a=1, b=2, c=3)
od.move_to_end("a")
print(list(od), od.popitem(last=False), od, od.popitem())
od["z"] = 26
od["b"] = 0
od.move_to_end("z", last=False)
print(od, list(od.keys()), list(od.values()), list(od.items()), list(reversed(od)))
print(od == OrderedDict([("z", 26), ("b", 0)]), od == OrderedDict([("b", 0), ("z", 26)]), od == {"b": 0, "z": 26})
print(OrderedDict.fromkeys("abc", 0), od.setdefault("n", 1), od.pop("n"), od.copy())
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
try:
    od.move_to_end("missing")
except KeyError as e:
    print("KeyError", e)
print(od | {"q": 1}, {"q": 1} | od)
r = OrderedDict()
r["self"] = r
print(r)
print(isinstance(od, dict), OrderedDict.__module__)

cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.get("c", "none"), "b" in cm)
cm["c"] = 4
print(cm.maps, cm.parents, cm.new_child({"a": 0})["a"])
del cm["c"]
try:
    del cm["b"]
except KeyError as e:
    print("KeyError", e)
print(cm, dict(cm), cm | {"z": 0})
