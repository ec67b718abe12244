[x for x in (lambda: [(y := 1) for z in w])()]
