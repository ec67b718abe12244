x: *b
