log = []

def numbers():
    try:
        n = 0
        while True:
            yield n
            n += 1
    finally:
        log.append("numbers finalized")

for x in numbers():
    if x == 3:
        break
print(x, log)

def pipeline():
    src = numbers()
    for v in src:
        if v > 1:
            return v
print(pipeline(), log)

g = numbers()
next(g)
del g
print(log)

gens = [numbers() for _ in range(3)]
for gg in gens:
    next(gg)
gens.clear()
print(len(log))

def nested():
    try:
        yield from numbers()
    finally:
        log.append("nested finalized")
log.clear()
n = nested()
next(n); next(n)
n.close()
print(log)
