[match.x y]
