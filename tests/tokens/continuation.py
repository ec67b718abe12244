x = 1 + \
    2
# comment at end without newline