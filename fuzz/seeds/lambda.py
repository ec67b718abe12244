f = lambda x, *y, z=1, **w: x if y else z
