def f():
    global x
    return [(x := 1) for y in z], [x for x in q]
