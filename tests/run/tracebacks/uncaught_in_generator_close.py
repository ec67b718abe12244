def producer():
    try:
        yield 1
        yield 2
    finally:
        raise RuntimeError("cleanup in generator failed")

g = producer()
print(next(g))
g.close()
