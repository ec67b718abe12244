a = [1, 42 if True, 4]
