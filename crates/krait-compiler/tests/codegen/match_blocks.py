# match: in try and with blocks, in a class body (names stored in the [positions]
# namespace), in an async function.
def f(items):
    total = 0
    for item in items:
        match item:
            case [k, v]:
                try:
                    total += k[v]
                except KeyError:
                    pass
            case _:
                with lock:
                    total -= 1
    return total

class C:
    match option:
        case {"name": name}:
            pass
        case other:
            name = other

async def af(stream):
    async for msg in stream:
        match msg:
            case {"op": "await", "arg": arg}:
                await arg
            case _:
                pass
