import json

data = {"name": "Krait", "version": [0, 1], "tags": ["python", "rust"], "ratio": 0.5,
        "ok": True, "none": None, "nested": {"a": {"b": [1, {"c": "d"}]}}, "unicode": "café ☕"}
text = json.dumps(data, sort_keys=True)
print(text)
print(json.loads(text) == data)
print(json.dumps(data["nested"], indent=2))
print(json.dumps("é", ensure_ascii=False), json.dumps("é"), json.dumps([1.0, 1e100, -0.0]))
for bad in ('{"a": }', "[1, 2", '{"a" 1}', "nan", "'single'"):
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e)
try:
    json.dumps({1: object()})
except TypeError as e:
    print(type(e).__name__, e)
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=Enc), json.loads("[1, 2.5, \"x\", null]"))
