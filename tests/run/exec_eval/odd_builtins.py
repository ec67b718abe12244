# exec/eval with a globals dict whose __builtins__ is not a plain dict:
# any object is used as the builtins mapping, looked up by __getitem__
# unless it is an exact dict; __import__ and __build_class__ come from it.


def attempt(label, src, g):
    try:
        exec(src, g)
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("int", "print('hi')", {'__builtins__': 123})
attempt("none", "print('hi')", {'__builtins__': None})
attempt("empty", "print('hi')", {'__builtins__': {}})
attempt("func int", "def f(): return len\nf()", {'__builtins__': 5})


class SetOnlyError(Exception):
    pass


class SetOnly(dict):
    def __getitem__(self, key):
        raise SetOnlyError(key)


attempt("globals getitem", "globalname", SetOnly({'globalname': 1}))
attempt("builtins getitem", "superglobal", {'__builtins__': SetOnly({'superglobal': 1})})
attempt("builtins getitem in function", "def f(): return superglobal\nf()",
        {'__builtins__': SetOnly({'superglobal': 1})})
attempt("class with SetOnly", "class A: pass", {'__builtins__': SetOnly()})
attempt("class with empty", "class A: pass", {'__builtins__': {}})


class Missing(dict):
    def __missing__(self, key):
        return 'missing-' + key


exec("print(foo)", {'__builtins__': Missing(print=print)})
exec("def f(): print(bar)\nf()", {'__builtins__': Missing(print=print)})
attempt("globals missing", "print(foo)", Missing(__builtins__={'print': print}))


class Custom(dict):
    pass


exec("print(superglobal)", {'__builtins__': Custom(superglobal=1, print=print)})
attempt("custom missing", "superglobal", {'__builtins__': Custom()})


class Fake:
    b = 7

    def __repr__(self):
        return '<fake>'


def fake_import(name, globals=None, locals=None, fromlist=(), level=0):
    print("import", name, fromlist, level, locals is None)
    return Fake()


exec("import os; from a import b; print(os, b)",
     {'__builtins__': {'__import__': fake_import, 'print': print}})
exec("def f():\n    import sys\n    return sys\nprint(f())",
     {'__builtins__': {'__import__': fake_import, 'print': print}})
attempt("no __import__", "import os", {'__builtins__': {}})
