def f():
    a, *b = c
    d[e:f:g] = h
    [i, (j, *k)] = l
    m[n] += o
    del p[q], r.s, t
    return b, k
