# exec(code, globals, closure=cells), exec/eval's positional-only
# parameters, compile()'s name-and-position check, bytes source that is
# not UTF-8.
from types import CellType


def attempt(f, *args, **kwargs):
    try:
        print('ok', repr(f(*args, **kwargs))[:60])
    except Exception as e:
        print(type(e).__name__, e)


result = 0


def make():
    a = 2
    b = 3

    def three():
        nonlocal a, b
        global result
        result = a * b
        a = 10

    def other():
        return a, b
    return three, other


three, other = make()
exec(three.__code__, three.__globals__, closure=three.__closure__)
print(result, other())
exec(three.__code__, three.__globals__, closure=(CellType(5), CellType(7)))
print(result)
attempt(exec, (lambda: 1).__code__, {}, closure=three.__closure__)
attempt(exec, three.__code__, {}, closure=None)
attempt(exec, three.__code__, {}, closure=list(three.__closure__))
attempt(exec, three.__code__, {}, closure=(int, CellType(1)))
attempt(exec, three.__code__, {}, closure=(CellType(1),))
attempt(exec, '1', closure=())
attempt(eval, three.__code__, {})
attempt(exec, '1', globals={})
attempt(exec, source='1')
attempt(exec)
attempt(exec, '1', {}, {}, {})
attempt(eval, '1', globals={})
attempt(eval)
attempt(eval, '1', {}, {}, {})
attempt(compile, 'pass', '?', 'exec', mode='eval', source='0', filename='tmp')
attempt(eval, b'\xef\xbb' + b'a')
attempt(eval, b'\xef\xbb\xbf' + b'1')
attempt(eval, b'\xff')
attempt(exec, b'1 # \xff')
attempt(exec, '1', '2', '3', '4', x=1)
