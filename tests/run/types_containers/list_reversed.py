# reversed(list) is a list_reverseiterator; list and tuple iterators have
# __length_hint__ and stay exhausted.
l = [1, 2, 3]
r = reversed(l)
print(type(r).__name__, r.__length_hint__(), next(r), r.__length_hint__(), list(r), r.__length_hint__())
l = [1, 2, 3, 4]
r = reversed(l)
next(r)
del l[1:]
print(list(r), r.__length_hint__())
l = [1, 2]
r = reversed(l)
l.append(3)
print(list(r))
it = iter(l)
print(it.__length_hint__(), list(it), it.__length_hint__())
l.append(4)
print(list(it), it.__length_hint__())
t = (1, 2, 3)
it = iter(t)
next(it)
print(type(it).__name__, it.__length_hint__(), list(reversed(t)), type(reversed(t)).__name__)
print(list(reversed([])), [].__reversed__().__length_hint__())


class L(list):
    def __getitem__(self, i):
        return "custom"


print(list(reversed(L([1, 2]))), list(L([1, 2])))
for bad in (lambda: [].__reversed__(1), lambda: iter([]).__length_hint__(1), lambda: reversed([]).__length_hint__(x=1)):
    try:
        bad()
    except TypeError as ex:
        print(type(ex).__name__, ex)
