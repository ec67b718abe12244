total = 0

def add_all(values):
    for v in values:
        total += v
    return total

print("start")
add_all([1, 2])
