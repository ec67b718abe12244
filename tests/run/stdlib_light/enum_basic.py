import enum

class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED in Color, Color.RED is Color(1))
try:
    Color(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Color["PINK"]
except KeyError as e:
    print(type(e).__name__, e)

class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, repr(rw), int(rw), Perm.R in rw, Perm.X in rw, list(rw))

class Status(enum.IntEnum):
    OK = 200
    NOT_FOUND = 404
print(Status.OK == 200, Status(404).name, sorted([Status.NOT_FOUND, Status.OK]), f"{Status.OK}")

class Auto(enum.Enum):
    A = enum.auto()
    B = enum.auto()
print([m.value for m in Auto])
try:
    class Dup(enum.Enum):
        X = 1
        X = 2
except TypeError as e:
    print(type(e).__name__, e)
@enum.unique
class Ok(enum.Enum):
    A = 1
try:
    @enum.unique
    class Alias(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print(type(e).__name__, e)
