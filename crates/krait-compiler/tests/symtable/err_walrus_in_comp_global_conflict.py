def f():
    global x
    [x for x in y if (x := 1)]
