[[(x := 1) for z in w] for x in y]
