class Temp:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        "Temperature in C."
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None

    fahrenheit = property(lambda self: self._c * 9 / 5 + 32)

t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temp.celsius.__doc__)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del t.fahrenheit
except AttributeError as e:
    print(type(e).__name__, e)
del t.celsius
print(t.celsius)
print(type(Temp.celsius).__name__, Temp.celsius.fget.__name__)

class Broken:
    @property
    def value(self):
        raise AttributeError("inner problem")
    def __getattr__(self, name):
        return f"__getattr__({name})"
print(Broken().value)

p = property()
class Empty:
    x = p
try:
    Empty().x
except AttributeError as e:
    print(type(e).__name__, e)
