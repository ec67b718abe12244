del A[:*b]
