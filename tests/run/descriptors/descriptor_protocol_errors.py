class Validated:
    def __set_name__(self, owner, name):
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.private[1:]} must be int, got {type(value).__name__}")
        setattr(obj, self.private, value)

class Account:
    balance = Validated()
    def __init__(self, b):
        self.balance = b

a = Account(10)
print(a.balance, a._balance)
try:
    a.balance = "lots"
except TypeError as e:
    print(type(e).__name__, e)
try:
    Account("x")
except TypeError as e:
    print(type(e).__name__, e)
b = Account.__new__(Account)
try:
    b.balance
except AttributeError as e:
    print(type(e).__name__, e)

class Method:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return lambda *a: self.fn(obj, *a)
class Uses:
    @Method
    def hi(self, who):
        return f"hi {who}"
print(Uses().hi("there"), type(Uses.hi).__name__)
