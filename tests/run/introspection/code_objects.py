def sample(a, b=1, *args, c, d=2, **kw):
    x = a + b
    def inner():
        return x
    return inner

co = sample.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print(co.co_varnames, co.co_cellvars, co.co_freevars)
print(co.co_firstlineno, co.co_filename.endswith("code_objects.py"))
print(bool(co.co_flags & 0x04), bool(co.co_flags & 0x08), bool(co.co_flags & 0x20))
print(sample.__defaults__, sample.__kwdefaults__)
inner = sample(1, c=3)
print(inner.__code__.co_freevars, inner.__closure__[0].cell_contents)

def gen():
    yield
async def coro():
    pass
print(bool(gen.__code__.co_flags & 0x20), bool(coro.__code__.co_flags & 0x80))
print(type(co).__name__, co.replace(co_name="renamed").co_name)
print(compile("a = 1", "<x>", "exec").co_names)
import sys
frame = sys._getframe()
print(frame.f_code.co_name, frame.f_lineno, frame.f_back)
def caller_name():
    return sys._getframe(1).f_code.co_name
def outer_fn():
    return caller_name()
print(outer_fn())
