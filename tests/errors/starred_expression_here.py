a, *b = *c
