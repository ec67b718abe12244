print(1 is 1)
print([1]["x" if 0 else 0])
