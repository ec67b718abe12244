class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return type(self).__name__

class Dog(Animal):
    sound = "woof"

class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + "!"

class Cat(Animal):
    def __init__(self, name, lives=9):
        super().__init__(name)
        self.lives = lives
    sound = "meow"

for a in (Animal("generic"), Dog("rex"), Puppy("bit"), Cat("tom")):
    print(a.speak(), a.kind())
print(Cat("c").lives)
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Cat, (Dog, Animal)))
print(Puppy.__mro__)
print([c.__name__ for c in Animal.__subclasses__()])
print(Puppy.__base__.__name__, object.__base__)
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Bad(1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
