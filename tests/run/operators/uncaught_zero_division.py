def average(values):
    return sum(values) / len(values)

print(average([1, 2, 3]))
data = {"a": [4, 5], "b": []}
for key in sorted(data):
    print(key, average(data[key]))
