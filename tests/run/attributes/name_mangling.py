class Account:
    def __init__(self):
        self.__secret = 42
        self._protected = 1
        self.__dunder__ = "not mangled"
    def reveal(self):
        return self.__secret
    def __private_method(self):
        return "private"
    def call_private(self):
        return self.__private_method()

a = Account()
print(a.reveal(), a.call_private(), a._protected, a.__dunder__)
print(sorted(vars(a)))
print(a._Account__secret, a._Account__private_method())
try:
    a.__secret
except AttributeError as e:
    print(type(e).__name__, e)

class Sub(Account):
    def __init__(self):
        super().__init__()
        self.__secret = "sub's own"
s = Sub()
print(s.reveal(), s._Sub__secret)

class _Under:
    def get(self):
        __local = 5
        return __local, self.__x if hasattr(self, "_Under__x") else None
print(_Under().get())
class __Dunder:
    def m(self):
        self.__y = 1
        return list(vars(self))
print(__Dunder().m())
