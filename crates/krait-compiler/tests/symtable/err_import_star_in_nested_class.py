def f():
    class C:
        from m import *
