class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, f"<unset {self.name}>")
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value

class Model:
    title = Field()
    body = Field()
    other = 3

m = Model()
print(m.title)
m.title = "Hi"
print(m.title, m.body)
print(Model.title.name)

f = Field()
class Late:
    pass
Late.attr = f
print(hasattr(f, "name"))

class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("nope " + name)
try:
    class Host:
        x = Bad()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__ if e.__cause__ else None)
