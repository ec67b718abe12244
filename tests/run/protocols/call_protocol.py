class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale

add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5), callable(Adder))
print(list(map(add5, [1, 2])))

class CallReturnsCallable:
    def __call__(self):
        return self
c = CallReturnsCallable()
print(c()()() is c)

class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)

class InstanceCall:
    pass
ic = InstanceCall()
ic.__call__ = lambda: "instance attribute"
try:
    ic()
except TypeError as e:
    print(type(e).__name__, e)
print(ic.__call__())

class MetaCall(type):
    def __call__(cls, *a):
        return f"intercepted {cls.__name__}{a}"
class Made(metaclass=MetaCall):
    pass
print(Made(1, 2))
print(Adder.__call__(add5, 0))
