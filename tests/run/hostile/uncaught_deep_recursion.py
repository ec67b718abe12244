def countdown(n):
    if n == -1:
        return 0
    return countdown(n + 1) + 1

print("recursing")
countdown(0)
