from dataclasses import dataclass, field, asdict, replace, FrozenInstanceError

@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)

p = Point(1)
print(p, p == Point(1, 0, []), p != Point(2))
p.tags.append("t")
print(asdict(p), replace(p, y=5))

@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
print(sorted([Version(1, 2), Version(0, 9), Version(1, 0)]), Version(1) < Version(1, 1))
try:
    Version(1).major = 2
except FrozenInstanceError as e:
    print(type(e).__name__, e)
print(hash(Version(1, 2)) == hash(Version(1, 2)))
try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class Mutable:
        items: list = []
except ValueError as e:
    print(type(e).__name__, e)
print(Point.__match_args__, [f.name for f in __import__("dataclasses").fields(Point)])
match Point(3, 4):
    case Point(x, y):
        print("matched", x, y)
