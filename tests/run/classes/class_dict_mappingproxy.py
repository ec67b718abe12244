class Counter:
    count = 0
    def inc(self):
        Counter.count += 1
print("count" in Counter.__dict__, sorted(k for k in Counter.__dict__ if not k.startswith("__")), type(Counter.__dict__).__name__)
try:
    Counter.__dict__["x"] = 1
except TypeError as e:
    print(e)
print(Counter.__dict__["count"], len(Counter.__dict__) > 2, Counter.__dict__.get("nope", 5), vars(Counter)["count"])
print("append" in list.__dict__, type(int.__dict__).__name__)
