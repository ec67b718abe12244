def f():
    import a.b.c
    import d.e as f
    from g import h
    from . import i
    return a, f, h, i
