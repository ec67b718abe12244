# LOAD_GLOBAL with a dict subclass as globals: __missing__ answers, and
# the site keeps working after many runs (no specialization on it).
class MyGlobals(dict):
    def __missing__(self, key):
        if key.startswith("_number_"):
            return int(key.removeprefix("_number_"))
        raise KeyError(key)
code = "lambda: " + "+".join(f"_number_{i}" for i in range(300))
f = eval(code, MyGlobals())
print([f() for _ in range(30)][-1] == sum(range(300)))
g = eval("lambda: len([1, 2])", MyGlobals())
print(g(), g())
h = eval("lambda: undefined_name", MyGlobals())
try: h()
except NameError as e: print(type(e).__name__, e)
