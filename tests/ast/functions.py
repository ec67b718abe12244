import functools
from os import path as p, sep


@functools.lru_cache(maxsize=None)
def fib(n: int, /, *, memo: dict[int, int] | None = None, **kw) -> int:
    """Return the n-th Fibonacci number."""
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


async def fetch(*urls, timeout=1.5):
    async with session() as s:
        async for u in s.get(urls):
            await u
    return [x async for x in aiter()]


lambda x, *y, z=3: (yield x)
