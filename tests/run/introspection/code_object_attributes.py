def f(a, b=1, *args, c, **kw):
    x = a
    def g():
        return x
    return g
co = f.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount, co.co_nlocals, co.co_varnames, co.co_cellvars, co.co_flags, co.co_firstlineno)
g = f(1, c=2)
print(g.__code__.co_freevars, g.__code__.co_qualname, g.__code__.co_names, co.co_consts[0], co.co_filename.endswith(".py"), co.co_stacksize)
