# aiter() and anext() with and without a default: results, the awaitable
# anext(it, default) returns, and CPython's messages.
class AI:
    def __aiter__(self): return self
class It:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2: raise StopAsyncIteration
        return self.i
for a in [(1,), (AI(),), ()]:
    try: print(aiter(*a))
    except TypeError as e: print("TypeError", e)
for a in [(1,), (1, 2), ()]:
    try: print(anext(*a))
    except TypeError as e: print("TypeError", e)
it = It()
print(aiter(it) is it)
c = anext(it)
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("value", e.value)
d = anext(it, "dflt")
print(type(d).__name__, d.__await__() is d)
try:
    d.send(None)
except StopIteration as e:
    print("value", e.value)
d = anext(it, "dflt")
try:
    d.send(None)
except StopIteration as e:
    print("default", e.value)
c.close()
