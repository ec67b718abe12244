s = "\N{-BULLET}"
