def with_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

g = with_cleanup()
print(next(g))
g.close()
print(next(g, "closed"))
g.close()

unstarted = with_cleanup()
unstarted.close()
print("closing an unstarted generator runs no code")

def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise

g = catches_exit()
next(g)
g.close()

def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
g = ignores_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"
g = returns_on_exit()
next(g)
print(g.close())

def raises_other():
    try:
        yield
    finally:
        raise ValueError("in finally during close")
g = raises_other()
next(g)
try:
    g.close()
except ValueError as e:
    print(type(e).__name__, e)
