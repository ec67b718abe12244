a = [x for x in range(10) if x]
b = {x: y for x, y in pairs}
c = {x for x in s for y in x}
d = (x for x in outer_iter for y in inner_iter(x))
e = [[y for y in x] for x in m]
def f(n):
    return [i * n for i in range(n)], (j for j in n)
async def co():
    return [i async for i in aiter()], [await i for i in x]
class K:
    v = 1
    w = [v for _ in range(3)]
    u = [q for q in v]
