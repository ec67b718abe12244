class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
class Cat(Animal):
    def __init__(self, name, lives=9):
        super().__init__(name)
        self.lives = lives
    sound = "meow"
c = Cat("tom")
print(c.speak(), c.lives, Cat.__mro__)
class E(ValueError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise E("bad", 3)
except ValueError as e:
    print(repr(e), e, e.code, e.args)
class V:
    def __init__(self, a): self.a = a
    def __add__(self, o): return V(self.a + o.a)
    def __eq__(self, o): return self.a == o.a
    def __lt__(self, o): return self.a < o.a
    @property
    def double(self): return self.a * 2
    @classmethod
    def make(cls, a): return cls(a)
    @staticmethod
    def s(x): return x + 1
v = V(1) + V(2)
print(v.a, v == V(3), v != V(3), V(1) < V(2), v.double, V.make(5).a, V.s(1), v.s(2))
print(sorted([V(3), V(1), V(2)], key=lambda x: x.a)[0].a)
print(type(object()), Cat)
raise E("boom", 1)
