def parse(lines):
    for n, line in enumerate(lines, 1):
        key, value = line.split("=")
        yield key.strip(), int(value)

config = ["a = 1", "b = 2", "c = three"]
for key, value in parse(config):
    print(key, value)
