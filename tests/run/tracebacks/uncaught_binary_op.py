def ratio(values, index):
    return values[index] / (values[index] - values[index])

data = [3, 4]
print("computing", data)
ratio(data, 1)
