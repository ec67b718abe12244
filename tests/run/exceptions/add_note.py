try:
    raise ValueError("base")
except ValueError as e:
    e.add_note("first note")
    e.add_note("second note")
    print(e.__notes__)

e = KeyError("k")
print(hasattr(e, "__notes__"))
try:
    e.add_note(5)
except TypeError as err:
    print(type(err).__name__, err)
e.__notes__ = "not a list"
try:
    e.add_note("x")
except TypeError as err:
    print(type(err).__name__, err)

def process(items):
    for i, item in enumerate(items):
        try:
            item()
        except Exception as exc:
            exc.add_note(f"while processing item {i}")
            raise

process([lambda: None])
process([lambda: None, lambda: {}["missing"]])
