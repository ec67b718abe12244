x = 1
ab‰c = 2
