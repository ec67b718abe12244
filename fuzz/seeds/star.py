a, *b = c
print(*args, **kwargs)
x = [*a, *b]
y = {**a, "b": 1}
