class ARange:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1

async def main():
    out = []
    async for x in ARange(3):
        out.append(x)
    else:
        out.append("else")
    async for y in ARange(5):
        if y == 2:
            break
    return out, y

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

print(run(main()))

async def agen(n):
    for i in range(n):
        yield i * i

async def consume():
    total = [v async for v in agen(4)]
    evens = [v async for v in agen(6) if v % 2 == 0]
    return total, evens
print(run(consume()))

async def bad_iter():
    async for _ in [1, 2]:
        pass
try:
    run(bad_iter())
except TypeError as e:
    print(type(e).__name__, e)
class BadANext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 5
async def bad_next():
    async for _ in BadANext():
        pass
try:
    run(bad_next())
except TypeError as e:
    print(type(e).__name__, e)
