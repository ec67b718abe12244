def f():
    return [a for b.c in d], [e for f[g] in h]
