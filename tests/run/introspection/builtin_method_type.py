# Built-in functions and built-in methods bound to an object are one type
# (builtin_function_or_method); functions and bound methods keep __doc__
# as a descriptor on their type.
import pickle
import types

print(type([].append) is type(len), type({}.get) is types.BuiltinFunctionType)
print(types.BuiltinMethodType is types.BuiltinFunctionType)
print(isinstance([].append, types.BuiltinFunctionType), isinstance(len, types.BuiltinMethodType))
a = [1]
print(repr(a.append).startswith('<built-in method append of list object at 0x'), repr(len))
print(a.append.__self__ is a, a.append.__name__, a.append.__qualname__, a.append.__module__)
print(len.__self__, len.__name__, len.__qualname__, len.__module__)
print(dict.fromkeys.__qualname__, dict.fromkeys.__self__)
print(a.append == a.append, a.append == [1].append, len == len, len == abs)
print(hash(a.append) == hash(a.append))
print(len.__reduce__(), a.append.__reduce__())
b = pickle.loads(pickle.dumps(a.append))
print(type(b).__name__, b.__self__, b.__name__)
a.append(2)
print(a, len([1, 2, 3]))
print(len.__text_signature__, a.append.__text_signature__)


def f():
    "the docstring"


class C:
    def m(self):
        "method doc"


print(object.__getattribute__(f, '__doc__'))
print(types.FunctionType.__dict__['__doc__'])
print(object.__getattribute__(C().m, '__doc__'))
print(object.__getattribute__(C().m, '__func__') is C.m)
print(sorted(k for k in types.MethodType.__dict__ if k in ('__doc__', '__func__', '__self__')))
print(types.FunctionType.__text_signature__)
print(types.MethodType.__text_signature__)
f.__doc__ = 'changed'
print(f.__doc__, object.__getattribute__(f, '__doc__'))
