# match: inside loops (break, continue), captures in closures. [positions]
def f(items):
    total = 0
    for item in items:
        match item:
            case "stop":
                break
            case "skip":
                continue
            case int(n) if n > 0:
                total += n
            case [k, v] if k and not v or v > k > 0:
                total -= v
            case _:
                total -= 1
    return total

def outer(v):
    match v:
        case [a, *b]:
            def inner():
                return a, b
            return inner
    while True:
        match v:
            case 0:
                return None
            case _:
                v -= 1
