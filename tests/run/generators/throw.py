def resilient():
    while True:
        try:
            yield "working"
        except ValueError as e:
            print("recovered from", e)
            yield "recovered"

g = resilient()
print(next(g))
print(g.throw(ValueError("bad value")))
print(next(g))
try:
    g.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
print(next(g, "closed after exception"))

def simple():
    yield 1
s = simple()
try:
    s.throw(TypeError("before start"))
except TypeError as e:
    print("unstarted:", e)
print(next(s, "dead"))

g2 = resilient()
next(g2)
print(g2.throw(ValueError))
try:
    g2.throw(ValueError("x"), None, None)
    print("three-arg throw works")
except Exception as e:
    print(type(e).__name__)
def catch_and_return():
    try:
        yield
    except Exception:
        return "returned from throw"
c = catch_and_return()
next(c)
try:
    c.throw(RuntimeError)
except StopIteration as e:
    print(e.value)
