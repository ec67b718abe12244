class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

print(list(Countdown(3)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
try:
    next(c)
except StopIteration as e:
    print(type(e).__name__, repr(e), e.value)

class Seq:
    def __getitem__(self, i):
        if i < 3:
            return i * i
        raise IndexError(i)
print(list(Seq()), list(iter(Seq())), [x for x in Seq()])
it = iter(Seq())
print(type(it).__name__)

class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)

calls = iter([1, 2, 0, 3].pop, 0)
print(list(calls))
src = iter(["a", "b", "STOP", "c"])
print(list(iter(lambda: next(src), "STOP")))
class NoneIter:
    __iter__ = None
try:
    iter(NoneIter())
except TypeError as e:
    print(type(e).__name__, e)
