import functools

def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper

@logged
def documented(x: int) -> int:
    "Return x doubled."
    return x * 2

print(documented.__name__, documented.__doc__, documented.__annotations__)
print(documented.__wrapped__(4), documented(5))
print(documented.__qualname__)

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().hits)

@functools.cache
def square(n):
    print("computing", n)
    return n * n
print(square(3), square(3), square(4))

p = functools.partial(int, base=2)
print(p("1010"), p.func is int, p.keywords)
print(functools.reduce(lambda a, b: a * b, range(1, 6)))
