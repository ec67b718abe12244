# types.FunctionType(code, globals, name=None, argdefs=None, closure=None)
import types

def outer():
    x = 5
    def inner(a, b=2):
        return a + b + x
    return inner

inner = outer()
co = inner.__code__
f = types.FunctionType(co, {'__name__': 'mod'}, 'renamed', (10,), inner.__closure__)
print(f.__name__, f.__qualname__, f.__module__, f.__defaults__, f(1), f(1, 1))
print(types.FunctionType((lambda: 1).__code__, {})())

# A module's code run as a function uses its globals as locals.
g = {}
types.FunctionType(compile('y = 1\nz = y + 1', 'm', 'exec'), g)()
print(g['y'], g['z'])

def check(*args, **kwargs):
    try:
        types.FunctionType(*args, **kwargs)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

check(1, {})
check(co, [])
check(co, {}, 5)
check(co, {}, None, [1])
check(co, {}, None, None, None)
check(co, {}, None, None, (1,))
check(co, {}, None, None, [1])
check(co, {}, None, None, ())
check((lambda: 1).__code__, {}, None, None, (1,))
check(co)
check(co, {}, 'n', None, inner.__closure__, 7)
