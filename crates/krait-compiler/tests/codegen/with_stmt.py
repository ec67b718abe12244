with open("f") as f:
    data = f.read()

with a, b as (c, d):
    pass


def f(lock):
    with lock:
        return 1


def g(items):
    for x in items:
        with x as y:
            if y:
                break
            continue


def h(m):
    try:
        with m:
            raise ValueError
    finally:
        print("done")
