# __module__, __self__, __name__ and __qualname__ of built-in functions and
# of built-in methods bound to an instance.
import math
import sys
import itertools

print(len.__module__, len.__self__.__name__, print.__self__ is sys.modules["builtins"])
print(math.sqrt.__module__, math.sqrt.__self__ is math, sys.exit.__module__, sys.exit.__self__ is sys)
print(itertools.tee.__module__, itertools.tee.__name__, itertools.tee.__qualname__)
print([].append.__self__, [].append.__name__, [].append.__qualname__, [].append.__module__)
print("a".upper.__qualname__, {}.get.__self__, (5).bit_length.__name__)
print(type(reversed([1])).__name__, type(reversed((1,))).__name__, type(reversed("ab")).__name__)
print(list(reversed([1, 2, 3])), list(reversed(range(3))))
lst = [1, 2, 3, 4]
r = reversed(lst)
print(next(r))
lst.clear()
print(list(r))
print("builtins" in sys.modules, sys.modules["builtins"].len is len)
