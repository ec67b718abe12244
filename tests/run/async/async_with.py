class ACM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print("aenter", self.name)
        return self.name
    async def __aexit__(self, et, e, tb):
        print("aexit", self.name, et.__name__ if et else None)
        return self.suppress

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def main():
    async with ACM("a") as a, ACM("b") as b:
        print("body", a, b)
    async with ACM("s", suppress=True):
        raise ValueError
    try:
        async with ACM("p"):
            raise KeyError("k")
    except KeyError as e:
        print("caught", repr(e))
    return "done"
print(run(main()))

class SyncOnly:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        pass
async def wrong():
    async with SyncOnly():
        pass
try:
    run(wrong())
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
async def wrong2():
    with ACM("x"):
        pass
try:
    run(wrong2())
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
