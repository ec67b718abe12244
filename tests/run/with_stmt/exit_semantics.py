class Truthy:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return "non-empty string suppresses"

class Falsy:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return 0

with Truthy():
    1 / 0
print("suppressed by truthy return")
try:
    with Falsy():
        1 / 0
except ZeroDivisionError:
    print("falsy return propagates")

class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, et, e, tb):
        raise RuntimeError("from __exit__")
try:
    with ExitRaises():
        raise ValueError("body")
except RuntimeError as e:
    print(repr(e), "context:", repr(e.__context__))

class EnterRaises:
    def __enter__(self):
        raise OSError("enter failed")
    def __exit__(self, *a):
        print("exit not called")
try:
    with EnterRaises():
        print("body not run")
except OSError as e:
    print(repr(e))

class NotCM:
    pass
try:
    with NotCM():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
class OnlyEnter:
    def __enter__(self):
        return self
try:
    with OnlyEnter():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
class Target:
    pass
t = Target()
class Gives:
    def __enter__(self):
        return (1, [2, 3])
    def __exit__(self, *a):
        pass
with Gives() as (t.a, [t.b, t.c]):
    pass
print(t.a, t.b, t.c)
