print("before class")
class Outer:
    print("executing Outer body")
    x = 1
    class Inner:
        print("executing Inner body")
        def method(self):
            return "inner method"
    print("Inner defined:", Inner.__qualname__)
    def get_inner(self):
        return self.Inner()
    for i in range(2):
        print("loop in class body", i)
    del i
    if x:
        conditional = "yes"
print("after class")
print(Outer.Inner.__qualname__, Outer().get_inner().method(), Outer.conditional, hasattr(Outer, "i"))
def factory(n):
    class Made:
        value = n
        def __repr__(self):
            return f"Made({self.value})"
    return Made
A, B = factory(1), factory(2)
print(A(), B(), A is B, A.__qualname__, A.__name__)
class WithDoc:
    "the docstring"
    __module__ = "custom_module"
print(WithDoc.__doc__, WithDoc.__module__, repr(WithDoc))
class ReturnsValue:
    result = [n * n for n in range(3)]
    total = sum(result)
print(ReturnsValue.total, sorted(vars(ReturnsValue).keys() - vars(object).keys() - {"__dict__", "__weakref__"}))
