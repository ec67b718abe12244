lambda: a := 1
