def coroutine(fn):
    def start(*args, **kwargs):
        g = fn(*args, **kwargs)
        next(g)
        return g
    return start

@coroutine
def printer(prefix):
    while True:
        item = yield
        print(prefix, item)

@coroutine
def filter_even(target):
    while True:
        item = yield
        if item % 2 == 0:
            target.send(item)

@coroutine
def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return (count, avg)
        total += value
        count += 1
        avg = total / count

sink = filter_even(printer("even:"))
for i in range(6):
    sink.send(i)
sink.close()

a = averager()
for v in (10, 20, 60):
    print("running average", a.send(v))
try:
    a.send(None)
except StopIteration as e:
    print("final", e.value)
