import abc

class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...
    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"

class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2

print(Square(3).describe())
try:
    Shape()
except TypeError as e:
    print(type(e).__name__, e)

class Partial(Shape):
    @abc.abstractmethod
    def perimeter(self):
        ...
try:
    Partial()
except TypeError as e:
    print(type(e).__name__, e)

class Duck:
    def area(self):
        return 0
Shape.register(Duck)
print(isinstance(Duck(), Shape), issubclass(Duck, Shape), Duck.__mro__ == (Duck, object))
print(sorted(Partial.__abstractmethods__))
