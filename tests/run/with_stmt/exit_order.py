log = []
class Res:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        log.append(f"enter{self.n}")
        return self
    def __exit__(self, et, e, tb):
        log.append(f"exit{self.n}:{et.__name__ if et else '-'}")
        return self.n == 1

with Res(1), Res(2), Res(3):
    raise ValueError
print(log)
log.clear()

def gen_with():
    with Res(9):
        yield "inside"
g = gen_with()
print(next(g))
g.close()
print(log)
log.clear()

try:
    with Res(4) as r:
        try:
            with Res(5):
                raise TypeError
        finally:
            log.append("finally")
except TypeError:
    log.append("caught")
print(log)
