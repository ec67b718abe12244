async def fetch(x):
    return x


async def main(items):
    total = 0
    for i in items:
        total += await fetch(i)
    try:
        await fetch(None)
    finally:
        total += 1
    return total


async def agen(n):
    for i in range(n):
        yield i
        await fetch(i)


class Waiter:
    def __await__(self):
        yield 1
        return 2


async def uses_waiter():
    return await Waiter()
