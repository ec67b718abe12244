class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"

print(Box[int])
print(Box["x", 1])

class Sub(Box):
    pass
print(Sub[0])

print(list[int], dict[str, list[int]], tuple[int, ...])
print(type(list[int]).__name__, list[int].__origin__, list[int].__args__)
print(list[int]([1, 2]))

try:
    int[str]
except TypeError as e:
    print(type(e).__name__, e)

class Plain:
    pass
try:
    Plain[0]
except TypeError as e:
    print(type(e).__name__, e)

class WithGetitem:
    def __getitem__(self, k):
        return "instance " + str(k)
    def __class_getitem__(cls, k):
        return "class " + str(k)
print(WithGetitem()[1], WithGetitem[1])
