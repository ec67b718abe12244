# anext(it, default) drives what `await` would: a types.coroutine
# generator, a coroutine, an object with __await__; bad __await__ results.
import types


def run(coro):
    try:
        while True:
            print("  yielded", coro.send(None))
    except StopIteration as e:
        print("  result", e.value)
    except BaseException as e:
        print("  ", type(e).__name__, e)


class GenIter:
    def __init__(self):
        self.n = 0

    def __aiter__(self):
        return self

    @types.coroutine
    def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        yield "step"
        return self.n


class CoroIter(GenIter):
    async def __anext__(self):
        self.n += 1
        if self.n > 1:
            raise StopAsyncIteration
        return self.n


class Bad:
    def __await__(self):
        return 42


class BadIter:
    def __aiter__(self):
        return self

    def __anext__(self):
        return Bad()


async def main(it):
    out = []
    for _ in range(3):
        out.append(await anext(it, "default"))
    return out

run(main(GenIter()))
run(main(CoroIter()))
run(main(BadIter()))


async def plain():
    return await anext(BadIter())

run(plain())


class Raises:
    def __aiter__(self):
        return self

    def __anext__(self):
        return self

    def __await__(self):
        1 / 0


async def loop():
    async for _ in Raises():
        pass

try:
    loop().send(None)
except TypeError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__, e.__suppress_context__)
