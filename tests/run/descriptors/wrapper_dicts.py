# classmethod and staticmethod have a __dict__ with the callable's
# attributes copied in (functools_wraps), writable but for their members.
def f(a: int) -> str:
    "f docstring"
for kind in (classmethod, staticmethod):
    cm = kind(f)
    print(kind.__name__, sorted(cm.__dict__.items(), key=str))
    print(cm.__name__, cm.__doc__, cm.__qualname__, cm.__wrapped__ is f)
    cm.x = 42
    print(cm.x, sorted(cm.__dict__))
    del cm.x
    print(hasattr(cm, "x"))
    try: del cm.x
    except AttributeError as e: print(e)
    try: cm.__func__ = 1
    except AttributeError as e: print(e)
sm = staticmethod(None)
print(sm.__dict__)
class C:
    @classmethod
    def g(cls):
        "g doc"
        return cls.__name__
    def __init_subclass__(cls): pass
print(C.g(), C.__dict__['g'].__doc__, C.__dict__['__init_subclass__'].__dict__)
class MyCM(classmethod): pass
m = MyCM(f)
print(m.__doc__, type(m).__name__)
