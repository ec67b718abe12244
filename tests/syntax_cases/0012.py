"abc" = 1
