# An error raised while a pattern is tried: the traceback points at the
# pattern.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class Keys:
    a = "a"
    b = "a"

def lookup(subject):
    match subject:
        case {Keys.a: 1, Keys.b: 2}:
            return "never"
        case [1, 2]:
            return "list"

def locate(p):
    match p:
        case Point(0, 0):
            return "origin"
        case [Point(x, 0), *_] | Point(x, 0, 0):
            return f"on the x axis at {x}"

print(lookup([1, 2]))
try:
    lookup({"a": 1, "b": 2})
except ValueError as e:
    print("ValueError", e)
print(locate(Point(0, 0)))
print(locate([Point(3, 0)]))
print(locate(Point(1, 2)))
